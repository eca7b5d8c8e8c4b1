package dev.hindsight.incident.web;

import dev.hindsight.audit.AuditEntry;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.Page;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ExpectedVersion;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The incidents JSON API under {@code /api/v1/incidents}. Edits need the version, in If-Match or the body. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentApi {

    private final IncidentManagement incidents;

    IncidentApi(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    record PageView(List<IncidentView> items, int page, int size, long total, int totalPages) {}

    record StatusChange(String status, Integer version) {}

    record KeyTimeChange(OffsetDateTime time, Integer version) {}

    @GetMapping
    PageView list(Actor actor, @ModelAttribute IncidentQuery query) {
        Page<Incident> page = incidents.list(actor, query.filter(), query.pageRequest());
        return new PageView(
                page.items().stream().map(IncidentView::of).toList(),
                page.page(),
                page.size(),
                page.total(),
                page.totalPages());
    }

    @PostMapping
    ResponseEntity<IncidentView> create(Actor actor, @RequestBody IncidentRequest request) {
        Incident created = incidents.create(actor, request.toForm());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + created.key()))
                .eTag(etag(created))
                .body(IncidentView.of(created));
    }

    @GetMapping("/{key}")
    ResponseEntity<IncidentView> get(Actor actor, @PathVariable String key) {
        Incident incident = incidents.get(actor, id(key));
        return ResponseEntity.ok().eTag(etag(incident)).body(IncidentView.of(incident));
    }

    @PutMapping("/{key}")
    ResponseEntity<IncidentView> replace(
            Actor actor,
            @PathVariable String key,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody IncidentRequest request) {
        Incident saved = incidents.update(actor, id(key), request.toForm(), version(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(etag(saved)).body(IncidentView.of(saved));
    }

    @PostMapping("/{key}/status")
    ResponseEntity<IncidentView> changeStatus(
            Actor actor,
            @PathVariable String key,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody StatusChange change) {
        Incident saved = incidents.changeStatus(actor, id(key), change.status(), version(ifMatch, change.version()));
        return ResponseEntity.ok().eTag(etag(saved)).body(IncidentView.of(saved));
    }

    @PutMapping("/{key}/key-times/{name}")
    ResponseEntity<IncidentView> setKeyTime(
            Actor actor,
            @PathVariable String key,
            @PathVariable String name,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody KeyTimeChange change) {
        Incident saved = incidents.setKeyTime(actor, id(key), name, change.time(), version(ifMatch, change.version()));
        return ResponseEntity.ok().eTag(etag(saved)).body(IncidentView.of(saved));
    }

    @GetMapping("/{key}/audit")
    List<AuditEntry> audit(Actor actor, @PathVariable String key) {
        return incidents.auditTrail(actor, id(key));
    }

    static IncidentId id(String key) {
        return IncidentId.fromKey(key);
    }

    private static String etag(Incident incident) {
        return ExpectedVersion.etag(incident.version());
    }

    private static int version(String ifMatch, Integer bodyVersion) {
        return ExpectedVersion.from(ifMatch, bodyVersion);
    }
}
