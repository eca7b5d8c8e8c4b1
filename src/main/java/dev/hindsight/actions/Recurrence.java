package dev.hindsight.actions;

import dev.hindsight.incident.IncidentId;

/**
 * A cause that came back although a done action on an earlier incident was meant to prevent it.
 *
 * @param laterIncident the incident that recorded the cause again
 * @param factorId the root cause or contributing factor recorded on {@code laterIncident}
 * @param earlierIncident the incident whose action was done
 * @param action the done action that was meant to prevent it
 * @param explicit whether someone linked the factor to the action by hand (otherwise the rule matched: same category,
 *     a shared service, the earlier incident started first and the action was done before the factor was recorded)
 */
public record Recurrence(
        IncidentId laterIncident,
        long factorId,
        String factorTitle,
        String category,
        IncidentId earlierIncident,
        ActionId action,
        String actionTitle,
        boolean explicit) {}
