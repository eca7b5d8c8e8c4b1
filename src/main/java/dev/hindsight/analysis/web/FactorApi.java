package dev.hindsight.analysis.web;

import static dev.hindsight.analysis.web.Versions.etag;
import static dev.hindsight.analysis.web.Versions.incident;
import static dev.hindsight.analysis.web.Versions.version;

import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.FactorCategories;
import dev.hindsight.analysis.FactorCategory;
import dev.hindsight.analysis.FactorForm;
import dev.hindsight.analysis.RootCauseAnalysis;
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
 * Factor categories ({@code /api/v1/factor-categories}) and an incident's root causes and contributing factors
 * ({@code /api/v1/incidents/{key}/factors}). Edits need the version, in If-Match or the body (query for DELETE).
 */
@RestController
@RequestMapping("/api/v1")
class FactorApi {

    private final RootCauseAnalysis analysis;
    private final FactorCategories categories;

    FactorApi(RootCauseAnalysis analysis, FactorCategories categories) {
        this.analysis = analysis;
        this.categories = categories;
    }

    record CategoryRequest(String key, String description) {}

    record FactorRequest(
            String kind,
            String title,
            String category,
            String description,
            String method,
            List<String> evidence,
            Integer version) {

        FactorForm toForm() {
            return new FactorForm(kind, title, category, description, method, evidence);
        }
    }

    @GetMapping("/factor-categories")
    List<FactorCategory> categories(Actor actor) {
        return categories.list();
    }

    @PostMapping("/factor-categories")
    ResponseEntity<FactorCategory> define(Actor actor, @RequestBody CategoryRequest request) {
        FactorCategory defined = categories.define(actor, request.key(), request.description());
        return ResponseEntity.created(URI.create("/api/v1/factor-categories/" + defined.key()))
                .body(defined);
    }

    @GetMapping("/incidents/{key}/factors")
    List<FactorView> factors(Actor actor, @PathVariable String key) {
        return analysis.factorsOf(actor, incident(key)).stream()
                .map(FactorView::of)
                .toList();
    }

    @PostMapping("/incidents/{key}/factors")
    ResponseEntity<FactorView> add(Actor actor, @PathVariable String key, @RequestBody FactorRequest request) {
        ContributingFactor added = analysis.add(actor, incident(key), request.toForm());
        return ResponseEntity.created(
                        URI.create("/api/v1/incidents/" + added.incidentId().key() + "/factors/" + added.id()))
                .eTag(etag(added.version()))
                .body(FactorView.of(added));
    }

    @GetMapping("/incidents/{key}/factors/{id}")
    ResponseEntity<FactorView> get(Actor actor, @PathVariable String key, @PathVariable long id) {
        ContributingFactor factor = analysis.factor(actor, incident(key), id);
        return ResponseEntity.ok().eTag(etag(factor.version())).body(FactorView.of(factor));
    }

    @PutMapping("/incidents/{key}/factors/{id}")
    ResponseEntity<FactorView> replace(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody FactorRequest request) {
        ContributingFactor saved =
                analysis.update(actor, incident(key), id, request.toForm(), version(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(etag(saved.version())).body(FactorView.of(saved));
    }

    @DeleteMapping("/incidents/{key}/factors/{id}")
    ResponseEntity<Void> remove(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) Integer version) {
        analysis.remove(actor, incident(key), id, version(ifMatch, version));
        return ResponseEntity.noContent().build();
    }
}
