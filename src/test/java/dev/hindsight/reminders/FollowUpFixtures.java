package dev.hindsight.reminders;

import dev.hindsight.actions.ActionForm;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentForm;
import java.util.List;

/** Incidents with people and actions with owners, for the follow-up tests. */
final class FollowUpFixtures {

    private FollowUpFixtures() {}

    static IncidentForm incident(String title, String visibility, String commander, List<String> participants) {
        IncidentForm f = IncidentFixtures.sev2(title);
        return new IncidentForm(
                f.title(),
                f.summary(),
                f.severity(),
                f.status(),
                visibility,
                f.services(),
                f.impactDescription(),
                f.usersAffected(),
                f.errorBudgetConsumed(),
                f.startedAt(),
                f.detectedAt(),
                f.acknowledgedAt(),
                f.mitigatedAt(),
                f.resolvedAt(),
                commander,
                participants.stream()
                        .map(p -> new IncidentForm.ParticipantEntry(p, "responder"))
                        .toList(),
                f.tags(),
                f.links(),
                f.customFields());
    }

    static ActionForm action(String title, String owner, String team, String due) {
        return new ActionForm(title, null, "prevent", "P2", owner, team, due, "M", null, List.of());
    }
}
