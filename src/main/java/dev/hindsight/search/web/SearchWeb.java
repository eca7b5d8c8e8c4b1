package dev.hindsight.search.web;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.search.IncidentSearch;
import dev.hindsight.search.SearchResults;
import dev.hindsight.search.SimilarIncident;
import dev.hindsight.shared.Actor;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The search page, its JSON twin, and the "similar incidents" block of the incident page. */
@Controller
class SearchWeb {

    static final int PAGE_SIZE = 20;

    private final IncidentSearch search;

    SearchWeb(IncidentSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    String page(
            Actor actor,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("results", search.search(actor, q, page, PAGE_SIZE));
        return "search/search";
    }

    @GetMapping("/api/v1/search")
    @ResponseBody
    SearchResults api(
            Actor actor,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return search.search(actor, q, page, size);
    }

    @GetMapping("/api/v1/incidents/{key}/similar")
    @ResponseBody
    List<SimilarIncident> similarApi(Actor actor, @PathVariable String key) {
        return search.similar(actor, IncidentId.fromKey(key), 10);
    }

    @GetMapping("/incidents/{key}/similar-fragment")
    String similar(Actor actor, @PathVariable String key, Model model) {
        model.addAttribute("similar", search.similar(actor, IncidentId.fromKey(key), 5));
        return "search/similar :: similar";
    }
}
