// The fault tree editor: show refused edits (422, 409) in place of the editor, and put the cursor in the first field
// of an action as soon as a person opens it, so a tree can be built from the keyboard.
document.addEventListener("htmx:beforeSwap", (event) => {
  const status = event.detail.xhr.status;
  if ((status === 422 || status === 409) && event.detail.target && event.detail.target.id === "ft-editor") {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

document.addEventListener("toggle", (event) => {
  const details = event.target;
  if (details instanceof HTMLDetailsElement && details.classList.contains("ft-action") && details.open) {
    const field = details.querySelector("input:not([type=hidden]), select");
    if (field) {
      field.focus();
    }
  }
}, true);
