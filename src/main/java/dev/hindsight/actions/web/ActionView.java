package dev.hindsight.actions.web;

import dev.hindsight.actions.ActionItem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An action item as the JSON API shows it. */
record ActionView(
        String id,
        String incident,
        String title,
        String description,
        String type,
        String priority,
        String owner,
        String team,
        LocalDate dueDate,
        boolean overdue,
        String status,
        String wontDoReason,
        String effort,
        String ticketUrl,
        List<Long> factorIds,
        OffsetDateTime completedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {

    static ActionView of(ActionItem a, LocalDate today) {
        return new ActionView(
                a.key(),
                a.incidentId().key(),
                a.title(),
                a.description(),
                a.type().label(),
                a.priority().name(),
                a.ownerName(),
                a.teamName(),
                a.dueDate(),
                a.overdueOn(today),
                a.status().label(),
                a.wontDoReason(),
                a.effort() == null ? null : a.effort().name(),
                a.ticketUrl(),
                a.factorIds(),
                a.completedAt(),
                a.createdAt(),
                a.updatedAt(),
                a.version());
    }
}
