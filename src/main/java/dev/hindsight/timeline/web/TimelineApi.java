package dev.hindsight.timeline.web;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ExpectedVersion;
import dev.hindsight.timeline.EntryForm;
import dev.hindsight.timeline.IncidentTimeline;
import dev.hindsight.timeline.RawExcerpt;
import dev.hindsight.timeline.Statement;
import dev.hindsight.timeline.StatementForm;
import dev.hindsight.timeline.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The timeline API under {@code /api/v1/incidents/{key}/timeline}: entries (proposed from the evidence, curated,
 * manual), their curation, key moments, raw lines, and statements. Changes need the entry's version, in If-Match or
 * the body (0 for a source entry nobody has curated yet); a stale one is 412 (409 from the body).
 */
@RestController
@RequestMapping("/api/v1/incidents/{key}/timeline")
@Tag(name = "Timeline", description = "The curated incident timeline and eyewitness statements")
class TimelineApi {

    private final IncidentTimeline timeline;

    TimelineApi(IncidentTimeline timeline) {
        this.timeline = timeline;
    }

    record VersionRequest(Integer version) {}

    record EntryRequest(String time, String text, Integer version) {}

    record NoteRequest(String text) {}

    record MergeRequest(List<String> entries, Integer version) {}

    record KeyMomentRequest(String moment, Integer version, Integer incidentVersion) {}

    record LinksRequest(List<String> entries, Integer version) {}

    @GetMapping
    @Operation(summary = "List the entries the filters keep, oldest first")
    List<TimelineEntry> list(Actor actor, @PathVariable String key, TimelineQuery query) {
        return timeline.entries(actor, IncidentId.fromKey(key), query.filter());
    }

    @GetMapping("/entries/{ref}")
    @Operation(summary = "One entry (E12.5 for evidence 12's event 5, M7 for a manual or statement entry)")
    ResponseEntity<TimelineEntry> get(Actor actor, @PathVariable String key, @PathVariable String ref) {
        return ok(timeline.entry(actor, IncidentId.fromKey(key), ref));
    }

    @PostMapping("/entries")
    @Operation(summary = "Add a manual entry (accepted at once)")
    ResponseEntity<TimelineEntry> add(Actor actor, @PathVariable String key, @RequestBody EntryRequest request) {
        TimelineEntry added =
                timeline.addManual(actor, IncidentId.fromKey(key), new EntryForm(request.time(), request.text()));
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + key + "/timeline/entries/" + added.ref()))
                .eTag(ExpectedVersion.etag(added.version()))
                .body(added);
    }

    @PutMapping("/entries/{ref}")
    @Operation(summary = "Edit an entry's text (blank: the source's text again) and, for manual entries, its time")
    ResponseEntity<TimelineEntry> edit(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody EntryRequest request) {
        return ok(timeline.edit(
                actor,
                IncidentId.fromKey(key),
                ref,
                new EntryForm(request.time(), request.text()),
                ExpectedVersion.from(ifMatch, request.version())));
    }

    @PostMapping("/entries/{ref}/accept")
    @Operation(summary = "Accept an entry")
    ResponseEntity<TimelineEntry> accept(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest request) {
        return ok(timeline.accept(actor, IncidentId.fromKey(key), ref, version(ifMatch, request)));
    }

    @PostMapping("/entries/{ref}/hide")
    @Operation(summary = "Hide an entry")
    ResponseEntity<TimelineEntry> hide(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest request) {
        return ok(timeline.hide(actor, IncidentId.fromKey(key), ref, version(ifMatch, request)));
    }

    @PostMapping("/entries/{ref}/restore")
    @Operation(summary = "Put an entry back to proposed (manual and statement entries: accepted)")
    ResponseEntity<TimelineEntry> restore(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest request) {
        return ok(timeline.restore(actor, IncidentId.fromKey(key), ref, version(ifMatch, request)));
    }

    @PostMapping("/entries/{ref}/notes")
    @Operation(summary = "Annotate an entry")
    ResponseEntity<TimelineEntry> note(
            Actor actor, @PathVariable String key, @PathVariable String ref, @RequestBody NoteRequest request) {
        return ok(timeline.annotate(actor, IncidentId.fromKey(key), ref, request.text()));
    }

    @PostMapping("/entries/{ref}/merge")
    @Operation(summary = "Merge duplicates: the listed entries are absorbed by this one")
    ResponseEntity<TimelineEntry> merge(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody MergeRequest request) {
        return ok(timeline.merge(
                actor,
                IncidentId.fromKey(key),
                ref,
                ExpectedVersion.from(ifMatch, request.version()),
                request.entries()));
    }

    @PostMapping("/entries/{ref}/unmerge")
    @Operation(summary = "Take a merged entry out of the one that absorbed it")
    ResponseEntity<TimelineEntry> unmerge(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest request) {
        return ok(timeline.unmerge(actor, IncidentId.fromKey(key), ref, version(ifMatch, request)));
    }

    @PostMapping("/entries/{ref}/key-moment")
    @Operation(
            summary = "Mark an entry as the incident's started/detected/acknowledged/mitigated/resolved moment;"
                    + " sets the incident's key time")
    ResponseEntity<TimelineEntry> mark(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody KeyMomentRequest request) {
        return ok(timeline.mark(
                actor,
                IncidentId.fromKey(key),
                ref,
                request.moment(),
                ExpectedVersion.from(ifMatch, request.version()),
                request.incidentVersion()));
    }

    @PostMapping("/entries/{ref}/unmark")
    @Operation(summary = "Unmark an entry's key moment (the incident's key time is kept)")
    ResponseEntity<TimelineEntry> unmark(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest request) {
        return ok(timeline.unmark(actor, IncidentId.fromKey(key), ref, version(ifMatch, request)));
    }

    @GetMapping("/entries/{ref}/raw")
    @Operation(summary = "The raw evidence lines an entry came from, with context")
    RawExcerpt raw(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestParam(defaultValue = "3") int context) {
        return timeline.rawLines(actor, IncidentId.fromKey(key), ref, context);
    }

    @GetMapping("/statements")
    @Operation(summary = "The incident's eyewitness statements")
    List<Statement> statements(Actor actor, @PathVariable String key) {
        return timeline.statements(actor, IncidentId.fromKey(key));
    }

    @PostMapping("/statements")
    @Operation(summary = "Write an eyewitness statement with the times it refers to")
    ResponseEntity<Statement> addStatement(Actor actor, @PathVariable String key, @RequestBody StatementForm request) {
        Statement added = timeline.addStatement(actor, IncidentId.fromKey(key), request);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + key + "/timeline/statements"))
                .eTag(ExpectedVersion.etag(added.version()))
                .body(added);
    }

    @PutMapping("/statements/{id}/links")
    @Operation(summary = "Replace the entries a statement is linked to")
    ResponseEntity<Statement> link(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody LinksRequest request) {
        Statement saved = timeline.linkStatement(
                actor,
                IncidentId.fromKey(key),
                id,
                request.entries(),
                ExpectedVersion.from(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(saved.version())).body(saved);
    }

    private static int version(String ifMatch, VersionRequest request) {
        return ExpectedVersion.from(ifMatch, request == null ? null : request.version());
    }

    private static ResponseEntity<TimelineEntry> ok(TimelineEntry entry) {
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(entry.version())).body(entry);
    }
}
