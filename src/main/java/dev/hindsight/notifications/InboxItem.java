package dev.hindsight.notifications;

import java.time.OffsetDateTime;

/** A notification in a user's in-app inbox; {@code readAt} is null while unread. */
public record InboxItem(
        long id,
        long userId,
        String type,
        String subject,
        String body,
        String link,
        OffsetDateTime createdAt,
        OffsetDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
