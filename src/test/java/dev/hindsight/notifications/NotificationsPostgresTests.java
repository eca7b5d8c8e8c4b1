package dev.hindsight.notifications;

import dev.hindsight.testing.UsePostgres;

/** Notifications on a real PostgreSQL server. */
@UsePostgres
class NotificationsPostgresTests extends NotificationsContract {}
