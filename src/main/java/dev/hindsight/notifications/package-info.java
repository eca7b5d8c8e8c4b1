/**
 * Notifications: one API ({@link dev.hindsight.notifications.Notifications#send}) that other modules call to tell a
 * user, a team or an e-mail address about something. Each message goes to the in-app inbox and, by the recipient's
 * preferences, by e-mail over SMTP (when {@code spring.mail.host} is set); messages not marked restricted also go to
 * the outbound webhooks an admin configured (JSON signed like GitHub's {@code X-Hub-Signature-256}). E-mails and
 * webhook calls are written to an outbox in the caller's transaction and delivered by a job with retries and
 * exponential backoff; the delivery log shows admins each attempt's outcome. "Send once" marks let periodic senders
 * (reminders, digests) send a message exactly once across restarts and nodes.
 */
package dev.hindsight.notifications;
