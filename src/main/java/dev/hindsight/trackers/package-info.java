/**
 * Issue-tracker sync for action items: a Jira Cloud or GitHub Issues ticket per action, created with a backlink to
 * the incident, its status kept in step both ways (outbound on every action status change, inbound from the
 * trackers' signed webhooks and a periodic poll for missed events), statuses mapped by configuration. Calls to a
 * tracker go through an outbox table written in the same transaction as the change, retried with backoff (honouring
 * 429 Retry-After), so a tracker outage never loses an action or blocks the person changing it.
 * {@link dev.hindsight.trackers.TrackerSync} is its API.
 */
package dev.hindsight.trackers;
