package dev.hindsight.incident;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Incident forms for tests: a valid baseline and copies with one thing changed. */
public final class IncidentFixtures {

    private IncidentFixtures() {}

    public static IncidentForm sev2(String title) {
        return new IncidentForm(
                title,
                "Checkout failing",
                "SEV2",
                null,
                null,
                List.of(),
                "Orders failed",
                120L,
                12.5,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                Map.of());
    }

    /** A SEV2 with all five key times, {@code minutes} apart from {@code start}. */
    public static IncidentForm withTimes(
            String title, OffsetDateTime start, int detect, int ack, int mitigate, int resolve) {
        IncidentForm f = sev2(title);
        return new IncidentForm(
                f.title(),
                f.summary(),
                f.severity(),
                "resolved",
                f.visibility(),
                f.services(),
                f.impactDescription(),
                f.usersAffected(),
                f.errorBudgetConsumed(),
                start,
                start.plusMinutes(detect),
                start.plusMinutes(ack),
                start.plusMinutes(mitigate),
                start.plusMinutes(resolve),
                f.commander(),
                f.participants(),
                f.tags(),
                f.links(),
                f.customFields());
    }

    public static IncidentForm with(
            IncidentForm f, String severity, String visibility, List<String> services, List<String> tags) {
        return new IncidentForm(
                f.title(),
                f.summary(),
                severity,
                f.status(),
                visibility,
                services,
                f.impactDescription(),
                f.usersAffected(),
                f.errorBudgetConsumed(),
                f.startedAt(),
                f.detectedAt(),
                f.acknowledgedAt(),
                f.mitigatedAt(),
                f.resolvedAt(),
                f.commander(),
                f.participants(),
                tags,
                f.links(),
                f.customFields());
    }

    public static IncidentForm withPeople(
            IncidentForm f, String commander, List<IncidentForm.ParticipantEntry> participants) {
        return new IncidentForm(
                f.title(),
                f.summary(),
                f.severity(),
                f.status(),
                f.visibility(),
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
                participants,
                f.tags(),
                f.links(),
                f.customFields());
    }
}
