package dev.hindsight.incident;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a person or script submits to create or edit an incident, before validation. Names are as the user typed
 * them (severity {@code SEV2}, services by name, people by username). Lists and maps may be null (meaning empty).
 */
public record IncidentForm(
        String title,
        String summary,
        String severity,
        String status,
        String visibility,
        List<String> services,
        String impactDescription,
        Long usersAffected,
        Double errorBudgetConsumed,
        OffsetDateTime startedAt,
        OffsetDateTime detectedAt,
        OffsetDateTime acknowledgedAt,
        OffsetDateTime mitigatedAt,
        OffsetDateTime resolvedAt,
        String commander,
        List<ParticipantEntry> participants,
        List<String> tags,
        List<IncidentLink> links,
        Map<String, String> customFields) {

    /** A person by username with a role name. */
    public record ParticipantEntry(String username, String role) {}

    /** The form that shows the current state of {@code incident}, for editing. */
    public static IncidentForm of(Incident incident) {
        KeyTimes t = incident.keyTimes();
        return new IncidentForm(
                incident.title(),
                incident.summary(),
                incident.severity().label(),
                incident.status().label(),
                incident.visibility().label(),
                incident.serviceNames(),
                incident.impact().description(),
                incident.impact().usersAffected(),
                incident.impact().errorBudgetConsumed(),
                t.startedAt(),
                t.detectedAt(),
                t.acknowledgedAt(),
                t.mitigatedAt(),
                t.resolvedAt(),
                incident.commander() == null ? null : incident.commander().username(),
                incident.participants().stream()
                        .map(p -> new ParticipantEntry(p.username(), p.role().label()))
                        .toList(),
                incident.tags(),
                incident.links(),
                incident.customFields());
    }
}
