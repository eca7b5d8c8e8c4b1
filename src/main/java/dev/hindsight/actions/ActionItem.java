package dev.hindsight.actions;

import dev.hindsight.incident.IncidentId;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An action item of an incident, as stored. Immutable: changes go through {@link ActionItems}.
 *
 * @param ownerId the user who owns it, or null; {@code ownerName} is that user's login name
 * @param teamId the owning team, or null; {@code teamName} is its name
 * @param wontDoReason why it will not be done; set exactly when the status is {@link ActionStatus#WONT_DO}
 * @param factorIds ids of the incident's root causes and contributing factors it addresses, never null
 * @param completedAt when it was marked done; null unless done
 * @param version increases by one on every save; a save based on an older version is refused
 */
public record ActionItem(
        ActionId id,
        IncidentId incidentId,
        String title,
        String description,
        ActionType type,
        ActionPriority priority,
        Long ownerId,
        String ownerName,
        Long teamId,
        String teamName,
        LocalDate dueDate,
        ActionStatus status,
        String wontDoReason,
        Effort effort,
        String ticketUrl,
        List<Long> factorIds,
        OffsetDateTime completedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {

    public String key() {
        return id.key();
    }

    /** Whether it is still active and its due date is before {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return status.isActive() && dueDate != null && dueDate.isBefore(today);
    }
}
