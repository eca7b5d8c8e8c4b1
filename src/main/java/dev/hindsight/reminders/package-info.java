/**
 * Follow-up on action items, so they get finished: a periodic job reminds owners of actions due soon and overdue (at
 * most once a day each), escalates an action overdue for a configurable number of days to its owning team (or, with
 * no team, the incident commander) once per due date, and sends each person a weekly digest of their open actions and
 * the incidents they are in. Every message goes through the notifications module under a "send once" mark, so neither
 * restarts nor several nodes send anything twice; nobody is told about an incident they may not see.
 */
package dev.hindsight.reminders;
