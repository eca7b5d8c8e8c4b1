/**
 * The postmortem meeting of an incident: when, how long, where (room or video link), who facilitates and who is
 * invited (the incident's commander and participants by default). Scheduling, rescheduling and cancelling send
 * iCalendar (RFC 5545) invitations by e-mail through the notifications module, with a UID that stays the same and a
 * SEQUENCE that grows with each change; the invitation is also downloadable. The agenda is generated from the
 * incident (summary, timeline, Five Whys, open questions, long-term actions); notes and decisions are recorded on the
 * incident and audited. Only people who may see the incident can be invited.
 */
package dev.hindsight.meetings;
