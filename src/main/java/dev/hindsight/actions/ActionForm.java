package dev.hindsight.actions;

import java.util.List;

/**
 * An action item as entered, unchecked: {@link ActionItems} validates it.
 *
 * @param type one of {@link ActionType} (any case)
 * @param priority {@code P0} to {@code P3}
 * @param owner login name of a user; blank for none
 * @param team name of a team; blank for none
 * @param dueDate an ISO date ({@code 2026-03-31}); blank for none
 * @param effort {@code S}, {@code M} or {@code L}; blank for none
 * @param ticketUrl an http or https URL; blank for none
 * @param factorIds ids of root causes or contributing factors of the same incident; null means none
 */
public record ActionForm(
        String title,
        String description,
        String type,
        String priority,
        String owner,
        String team,
        String dueDate,
        String effort,
        String ticketUrl,
        List<Long> factorIds) {}
