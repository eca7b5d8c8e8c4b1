package dev.hindsight.analysis.web;

import static dev.hindsight.analysis.web.Versions.etag;
import static dev.hindsight.analysis.web.Versions.incident;
import static dev.hindsight.analysis.web.Versions.version;

import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.FiveWhys;
import dev.hindsight.analysis.FiveWhysAnalysis;
import dev.hindsight.analysis.WhyNode;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * Five Whys over JSON under {@code /api/v1/incidents/{key}/five-whys}: problem statements, their answers (nested),
 * and marking answers as root causes or contributing factors. Editing or removing an answer needs its version.
 */
@RestController
@RequestMapping("/api/v1/incidents/{key}/five-whys")
class FiveWhysApi {

    private final FiveWhysAnalysis fiveWhys;

    FiveWhysApi(FiveWhysAnalysis fiveWhys) {
        this.fiveWhys = fiveWhys;
    }

    record ProblemRequest(String problem, Integer version) {}

    record WhyRequest(Long parentId, String text, List<String> references, Integer version) {}

    record MarkRequest(String kind, String category) {}

    @GetMapping
    List<FiveWhysView> list(Actor actor, @PathVariable String key) {
        return fiveWhys.of(actor, incident(key)).stream().map(FiveWhysView::of).toList();
    }

    @PostMapping
    ResponseEntity<FiveWhysView> start(Actor actor, @PathVariable String key, @RequestBody ProblemRequest request) {
        FiveWhys started = fiveWhys.start(actor, incident(key), request.problem());
        return ResponseEntity.created(URI.create(base(started.incidentId()) + "/" + started.id()))
                .eTag(etag(started.version()))
                .body(FiveWhysView.of(started));
    }

    @GetMapping("/{id}")
    ResponseEntity<FiveWhysView> get(Actor actor, @PathVariable String key, @PathVariable long id) {
        FiveWhys tree = fiveWhys.get(actor, incident(key), id);
        return ResponseEntity.ok().eTag(etag(tree.version())).body(FiveWhysView.of(tree));
    }

    @PutMapping("/{id}")
    ResponseEntity<FiveWhysView> reword(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ProblemRequest request) {
        FiveWhys saved =
                fiveWhys.reword(actor, incident(key), id, request.problem(), version(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(etag(saved.version())).body(FiveWhysView.of(saved));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) Integer version) {
        fiveWhys.remove(actor, incident(key), id, version(ifMatch, version));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/nodes")
    ResponseEntity<FiveWhysView.WhyView> addWhy(
            Actor actor, @PathVariable String key, @PathVariable long id, @RequestBody WhyRequest request) {
        IncidentId incident = incident(key);
        WhyNode added = fiveWhys.addWhy(actor, incident, id, request.parentId(), request.text(), request.references());
        return ResponseEntity.created(URI.create(base(incident) + "/" + id + "/nodes/" + added.id()))
                .eTag(etag(added.version()))
                .body(view(actor, incident, added));
    }

    @PutMapping("/{id}/nodes/{nodeId}")
    ResponseEntity<FiveWhysView.WhyView> updateWhy(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody WhyRequest request) {
        IncidentId incident = incident(key);
        WhyNode saved = fiveWhys.updateWhy(
                actor,
                incident,
                id,
                nodeId,
                request.parentId(),
                request.text(),
                request.references(),
                version(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(etag(saved.version())).body(view(actor, incident, saved));
    }

    @DeleteMapping("/{id}/nodes/{nodeId}")
    ResponseEntity<Void> removeWhy(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) Integer version) {
        fiveWhys.removeWhy(actor, incident(key), id, nodeId, version(ifMatch, version));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/nodes/{nodeId}/mark")
    FactorView mark(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestBody MarkRequest request) {
        ContributingFactor factor = fiveWhys.mark(actor, incident(key), id, nodeId, request.kind(), request.category());
        return FactorView.of(factor);
    }

    @DeleteMapping("/{id}/nodes/{nodeId}/mark")
    ResponseEntity<Void> unmark(
            Actor actor, @PathVariable String key, @PathVariable long id, @PathVariable long nodeId) {
        fiveWhys.unmark(actor, incident(key), id, nodeId);
        return ResponseEntity.noContent().build();
    }

    private FiveWhysView.WhyView view(Actor actor, IncidentId incident, WhyNode node) {
        FiveWhys tree = fiveWhys.get(actor, incident, node.fiveWhysId());
        return FiveWhysView.WhyView.of(tree, node);
    }

    private static String base(IncidentId incident) {
        return "/api/v1/incidents/" + incident.key() + "/five-whys";
    }
}
