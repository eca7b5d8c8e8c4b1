package dev.hindsight.incident.web;

import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentLink;
import dev.hindsight.incident.KeyTimes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** An incident as the JSON API returns it. Durations are ISO-8601 (PT5M) with seconds beside them. */
record IncidentView(
        String key,
        String title,
        String summary,
        String severity,
        String status,
        String visibility,
        List<String> services,
        ImpactView impact,
        KeyTimesView keyTimes,
        DurationsView durations,
        PersonView commander,
        List<ParticipantView> participants,
        List<String> tags,
        List<IncidentLink> links,
        Map<String, String> customFields,
        List<String> allowedStatuses,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {

    record ImpactView(String description, Long usersAffected, Double errorBudgetConsumed) {}

    record KeyTimesView(
            OffsetDateTime startedAt,
            OffsetDateTime detectedAt,
            OffsetDateTime acknowledgedAt,
            OffsetDateTime mitigatedAt,
            OffsetDateTime resolvedAt) {}

    record DurationView(Duration iso, Long seconds) {
        static DurationView of(Duration d) {
            return d == null ? null : new DurationView(d, d.toSeconds());
        }
    }

    record DurationsView(
            DurationView timeToDetect,
            DurationView timeToAcknowledge,
            DurationView timeToMitigate,
            DurationView timeToResolve) {}

    record PersonView(String username, String displayName) {}

    record ParticipantView(String username, String displayName, String role) {}

    static IncidentView of(Incident i) {
        KeyTimes t = i.keyTimes();
        return new IncidentView(
                i.key(),
                i.title(),
                i.summary(),
                i.severity().label(),
                i.status().label(),
                i.visibility().label(),
                i.serviceNames(),
                new ImpactView(
                        i.impact().description(),
                        i.impact().usersAffected(),
                        i.impact().errorBudgetConsumed()),
                new KeyTimesView(t.startedAt(), t.detectedAt(), t.acknowledgedAt(), t.mitigatedAt(), t.resolvedAt()),
                new DurationsView(
                        DurationView.of(t.timeToDetect()),
                        DurationView.of(t.timeToAcknowledge()),
                        DurationView.of(t.timeToMitigate()),
                        DurationView.of(t.timeToResolve())),
                i.commander() == null
                        ? null
                        : new PersonView(i.commander().username(), i.commander().displayName()),
                i.participants().stream()
                        .map(p -> new ParticipantView(
                                p.username(), p.displayName(), p.role().label()))
                        .toList(),
                i.tags(),
                i.links(),
                i.customFields(),
                i.status().allowedNext().stream().map(s -> s.label()).toList(),
                i.createdAt(),
                i.updatedAt(),
                i.version());
    }
}
