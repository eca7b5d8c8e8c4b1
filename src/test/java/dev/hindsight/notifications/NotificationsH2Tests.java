package dev.hindsight.notifications;

/** Notifications on the embedded default database (H2). */
class NotificationsH2Tests extends NotificationsContract {}
