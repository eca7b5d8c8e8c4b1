package dev.hindsight.notifications;

import java.time.OffsetDateTime;

/** An outbound webhook an admin configured; its secret is never shown again after creation. */
public record Webhook(long id, String name, String url, boolean enabled, OffsetDateTime createdAt) {}
