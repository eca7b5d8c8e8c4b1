/**
 * Action items: what an incident's review decided to do so it does not happen again, each with a type, priority,
 * owner, due date and a checked status lifecycle, linked to the root causes and contributing factors it addresses.
 * {@link dev.hindsight.actions.ActionItems} keeps them per incident (with the causes no action covers and the actions
 * tied to no cause) and serves the cross-incident board, which never shows a restricted incident's actions to
 * someone who may not see the incident. Every change is checked, versioned and written to the incident's audit trail.
 * The board has saved views ({@link dev.hindsight.actions.SavedViews}) and all-or-nothing bulk changes; the
 * {@link dev.hindsight.actions.ActionGate} reports root causes with neither an action nor an accepted risk, and
 * {@link dev.hindsight.actions.Recurrences} finds causes that came back despite a done action.
 */
package dev.hindsight.actions;
