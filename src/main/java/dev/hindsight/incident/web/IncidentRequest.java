package dev.hindsight.incident.web;

import dev.hindsight.incident.IncidentForm;
import dev.hindsight.incident.IncidentLink;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The JSON body to create or replace an incident. {@code version} is the version the edit is based on; it may be
 * sent instead as an {@code If-Match: "<version>"} header.
 */
record IncidentRequest(
        String title,
        String summary,
        String severity,
        String status,
        String visibility,
        List<String> services,
        Impact impact,
        KeyTimes keyTimes,
        String commander,
        List<IncidentForm.ParticipantEntry> participants,
        List<String> tags,
        List<IncidentLink> links,
        Map<String, String> customFields,
        Integer version) {

    record Impact(String description, Long usersAffected, Double errorBudgetConsumed) {}

    record KeyTimes(
            OffsetDateTime startedAt,
            OffsetDateTime detectedAt,
            OffsetDateTime acknowledgedAt,
            OffsetDateTime mitigatedAt,
            OffsetDateTime resolvedAt) {}

    IncidentForm toForm() {
        Impact impact = this.impact == null ? new Impact(null, null, null) : this.impact;
        KeyTimes times = keyTimes == null ? new KeyTimes(null, null, null, null, null) : keyTimes;
        return new IncidentForm(
                title,
                summary,
                severity,
                status,
                visibility,
                services,
                impact.description(),
                impact.usersAffected(),
                impact.errorBudgetConsumed(),
                times.startedAt(),
                times.detectedAt(),
                times.acknowledgedAt(),
                times.mitigatedAt(),
                times.resolvedAt(),
                commander,
                participants,
                tags,
                links,
                customFields);
    }
}
