package dev.hindsight.search.web;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.search.IncidentSearch;
import dev.hindsight.search.SearchResults;
import dev.hindsight.search.SimilarIncident;
import dev.hindsight.shared.Actor;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search and similar incidents as JSON; bad input becomes a problem. */
@RestController
class SearchApi {

    private final IncidentSearch search;

    SearchApi(IncidentSearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    SearchResults search(
            Actor actor,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return search.search(actor, q, page, size);
    }

    @GetMapping("/api/v1/incidents/{key}/similar")
    List<SimilarIncident> similar(Actor actor, @PathVariable String key) {
        return search.similar(actor, IncidentId.fromKey(key), 10);
    }
}
