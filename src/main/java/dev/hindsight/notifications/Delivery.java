package dev.hindsight.notifications;

import java.time.OffsetDateTime;

/**
 * One e-mail or webhook call in the delivery log.
 *
 * @param status {@code PENDING} (waiting for its next attempt), {@code SENT}, or {@code FAILED} (given up)
 * @param lastStatus the HTTP status of the last webhook attempt, or null
 */
public record Delivery(
        long id,
        String deliveryId,
        String channel,
        String recipient,
        String type,
        String subject,
        String status,
        int attempts,
        OffsetDateTime nextAttemptAt,
        String lastError,
        Integer lastStatus,
        OffsetDateTime createdAt,
        OffsetDateTime deliveredAt) {}
