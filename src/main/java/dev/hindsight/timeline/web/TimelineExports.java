package dev.hindsight.timeline.web;

import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.timeline.IncidentTimeline;
import dev.hindsight.timeline.Statement;
import dev.hindsight.timeline.TimelineEntry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Timeline exports as CSV, JSON and Markdown, for people ({@code /incidents/INC-1/timeline.csv}) and the API
 * ({@code /api/v1/incidents/INC-1/timeline.csv}); the list filters apply (default: proposed and accepted entries).
 */
@RestController
class TimelineExports {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType MARKDOWN =
            new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8);

    private final IncidentTimeline timeline;
    private final IncidentManagement incidents;
    private final Clock clock;

    TimelineExports(IncidentTimeline timeline, IncidentManagement incidents, Clock clock) {
        this.timeline = timeline;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The JSON export: the incident, when, the entries and the statements. */
    record TimelineExport(
            String incident,
            String title,
            OffsetDateTime exportedAt,
            List<TimelineEntry> entries,
            List<Statement> statements) {}

    @GetMapping({"/incidents/{key}/timeline.csv", "/api/v1/incidents/{key}/timeline.csv"})
    ResponseEntity<String> csv(Actor actor, @PathVariable String key, TimelineQuery query) {
        IncidentId id = IncidentId.fromKey(key);
        String body = TimelineDocuments.csv(timeline.entries(actor, id, query.filter()));
        return download(id, "csv", CSV).body(body);
    }

    @GetMapping({"/incidents/{key}/timeline.md", "/api/v1/incidents/{key}/timeline.md"})
    ResponseEntity<String> markdown(Actor actor, @PathVariable String key, TimelineQuery query) {
        IncidentId id = IncidentId.fromKey(key);
        Incident incident = incidents.get(actor, id);
        String body = TimelineDocuments.markdown(
                incident.key(),
                incident.title(),
                timeline.entries(actor, id, query.filter()),
                timeline.statements(actor, id));
        return download(id, "md", MARKDOWN).body(body);
    }

    @GetMapping({"/incidents/{key}/timeline.json", "/api/v1/incidents/{key}/timeline.json"})
    ResponseEntity<TimelineExport> json(Actor actor, @PathVariable String key, TimelineQuery query) {
        IncidentId id = IncidentId.fromKey(key);
        Incident incident = incidents.get(actor, id);
        return download(id, "json", MediaType.APPLICATION_JSON)
                .body(new TimelineExport(
                        incident.key(),
                        incident.title(),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        timeline.entries(actor, id, query.filter()),
                        timeline.statements(actor, id)));
    }

    private static ResponseEntity.BodyBuilder download(IncidentId id, String extension, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + id.key() + "-timeline." + extension + "\"");
    }
}
