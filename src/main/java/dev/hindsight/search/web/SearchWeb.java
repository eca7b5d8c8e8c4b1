package dev.hindsight.search.web;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.search.IncidentSearch;
import dev.hindsight.shared.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page and the "similar incidents" block of the incident page. */
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

    @GetMapping("/incidents/{key}/similar-fragment")
    String similar(Actor actor, @PathVariable String key, Model model) {
        model.addAttribute("similar", search.similar(actor, IncidentId.fromKey(key), 5));
        return "search/similar :: similar";
    }
}
