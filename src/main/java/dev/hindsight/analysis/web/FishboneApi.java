package dev.hindsight.analysis.web;

import static dev.hindsight.analysis.web.Versions.etag;
import static dev.hindsight.analysis.web.Versions.incident;
import static dev.hindsight.analysis.web.Versions.version;

import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.Fishbone;
import dev.hindsight.analysis.FishboneAnalysis;
import dev.hindsight.analysis.FishboneCategory;
import dev.hindsight.analysis.FishboneCause;
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
 * Fishbone diagrams over JSON under {@code /api/v1/incidents/{key}/fishbones}: the effect, categories and causes
 * (nested one level), promotion of a cause to a factor, and the drawing as {@code image/svg+xml} at {@code
 * /{id}.svg}. Renaming, moving or removing needs the version of the thing changed.
 */
@RestController
@RequestMapping("/api/v1/incidents/{key}/fishbones")
class FishboneApi {

    private final FishboneAnalysis fishbones;

    FishboneApi(FishboneAnalysis fishbones) {
        this.fishbones = fishbones;
    }

    record EffectRequest(String effect, Integer version) {}

    record CategoryRequest(String name, Integer position, Integer version) {}

    record CauseRequest(Long categoryId, Long parentId, String text, Integer version) {}

    record PromoteRequest(String kind, String category) {}

    @GetMapping
    List<FishboneView> list(Actor actor, @PathVariable String key) {
        return fishbones.of(actor, incident(key)).stream().map(FishboneView::of).toList();
    }

    @PostMapping
    ResponseEntity<FishboneView> create(Actor actor, @PathVariable String key, @RequestBody EffectRequest request) {
        Fishbone created = fishbones.create(actor, incident(key), request.effect());
        return ResponseEntity.created(URI.create(base(created.incidentId()) + "/" + created.id()))
                .eTag(etag(created.version()))
                .body(FishboneView.of(created));
    }

    @GetMapping("/{id}")
    ResponseEntity<FishboneView> get(Actor actor, @PathVariable String key, @PathVariable long id) {
        Fishbone fishbone = fishbones.get(actor, incident(key), id);
        return ResponseEntity.ok().eTag(etag(fishbone.version())).body(FishboneView.of(fishbone));
    }

    @GetMapping(value = "/{id}.svg", produces = "image/svg+xml")
    ResponseEntity<String> svg(Actor actor, @PathVariable String key, @PathVariable long id) {
        return Svgs.response(fishbones.svg(actor, incident(key), id));
    }

    @PutMapping("/{id}")
    ResponseEntity<FishboneView> reword(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody EffectRequest request) {
        Fishbone saved =
                fishbones.reword(actor, incident(key), id, request.effect(), version(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(etag(saved.version())).body(FishboneView.of(saved));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) Integer version) {
        fishbones.remove(actor, incident(key), id, version(ifMatch, version));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/categories")
    ResponseEntity<FishboneView.CategoryView> addCategory(
            Actor actor, @PathVariable String key, @PathVariable long id, @RequestBody CategoryRequest request) {
        IncidentId incident = incident(key);
        FishboneCategory added = fishbones.addCategory(actor, incident, id, request.name());
        return ResponseEntity.created(URI.create(base(incident) + "/" + id + "/categories/" + added.id()))
                .eTag(etag(added.version()))
                .body(FishboneView.CategoryView.of(added));
    }

    @PutMapping("/{id}/categories/{categoryId}")
    ResponseEntity<FishboneView.CategoryView> updateCategory(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable long categoryId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody CategoryRequest request) {
        FishboneCategory saved = fishbones.updateCategory(
                actor,
                incident(key),
                id,
                categoryId,
                request.name(),
                request.position(),
                version(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(etag(saved.version())).body(FishboneView.CategoryView.of(saved));
    }

    @DeleteMapping("/{id}/categories/{categoryId}")
    ResponseEntity<Void> removeCategory(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable long categoryId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) Integer version) {
        fishbones.removeCategory(actor, incident(key), id, categoryId, version(ifMatch, version));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/causes")
    ResponseEntity<FishboneView.CauseView> addCause(
            Actor actor, @PathVariable String key, @PathVariable long id, @RequestBody CauseRequest request) {
        IncidentId incident = incident(key);
        FishboneCause added =
                fishbones.addCause(actor, incident, id, request.categoryId(), request.parentId(), request.text());
        return ResponseEntity.created(URI.create(base(incident) + "/" + id + "/causes/" + added.id()))
                .eTag(etag(added.version()))
                .body(FishboneView.CauseView.of(added));
    }

    @PutMapping("/{id}/causes/{causeId}")
    ResponseEntity<FishboneView.CauseView> rewordCause(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable long causeId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody CauseRequest request) {
        FishboneCause saved = fishbones.rewordCause(
                actor, incident(key), id, causeId, request.text(), version(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(etag(saved.version())).body(FishboneView.CauseView.of(saved));
    }

    @DeleteMapping("/{id}/causes/{causeId}")
    ResponseEntity<Void> removeCause(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable long causeId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) Integer version) {
        fishbones.removeCause(actor, incident(key), id, causeId, version(ifMatch, version));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/causes/{causeId}/promote")
    ResponseEntity<FactorView> promote(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable long causeId,
            @RequestBody PromoteRequest request) {
        IncidentId incident = incident(key);
        ContributingFactor factor = fishbones.promote(actor, incident, id, causeId, request.kind(), request.category());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.key() + "/factors/" + factor.id()))
                .eTag(etag(factor.version()))
                .body(FactorView.of(factor));
    }

    private static String base(IncidentId incident) {
        return "/api/v1/incidents/" + incident.key() + "/fishbones";
    }
}
