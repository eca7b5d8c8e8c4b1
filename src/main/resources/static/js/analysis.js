// The root-cause analysis page: show refused changes (422, 409) in place, and put the cursor in an "Add why" input
// as soon as a person opens it, so answers can be typed without reaching for the mouse.
document.addEventListener("htmx:beforeSwap", (event) => {
  const status = event.detail.xhr.status;
  if (status === 422 || status === 409) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

document.addEventListener("click", (event) => {
  const summary = event.target instanceof Element ? event.target.closest("details.add-why > summary") : null;
  if (summary) {
    setTimeout(() => {
      const details = summary.parentElement;
      const input = details.querySelector("input[name=text]");
      if (details.open && input) {
        input.focus();
      }
    });
  }
});
