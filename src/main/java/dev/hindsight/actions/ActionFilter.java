package dev.hindsight.actions;

import dev.hindsight.incident.IncidentId;
import java.time.LocalDate;
import java.util.List;

/**
 * What the action board lists. Every part is optional (null or empty means "any").
 *
 * @param mine only actions the reader owns
 * @param overdue only active actions due before {@code today}
 * @param today the day "overdue" is judged on; null means today by the application clock (UTC)
 * @param recurred only done actions whose causes came back on a later incident the reader may see
 */
public record ActionFilter(
        Long ownerId,
        Long teamId,
        List<ActionStatus> statuses,
        List<ActionPriority> priorities,
        List<ActionType> types,
        boolean overdue,
        IncidentId incident,
        boolean mine,
        LocalDate today,
        boolean recurred) {

    public ActionFilter(
            Long ownerId,
            Long teamId,
            List<ActionStatus> statuses,
            List<ActionPriority> priorities,
            List<ActionType> types,
            boolean overdue,
            IncidentId incident,
            boolean mine,
            LocalDate today) {
        this(ownerId, teamId, statuses, priorities, types, overdue, incident, mine, today, false);
    }

    public static final ActionFilter ALL =
            new ActionFilter(null, null, List.of(), List.of(), List.of(), false, null, false, null);
}
