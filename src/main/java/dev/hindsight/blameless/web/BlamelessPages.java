package dev.hindsight.blameless.web;

import dev.hindsight.blameless.BlamelessReview;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The as-you-type check: a form field posts itself here (debounced by htmx) with {@code field} naming it, and gets
 * back the findings as an HTML fragment shown under the field.
 */
@Controller
class BlamelessPages {

    private final BlamelessReview review;

    BlamelessPages(BlamelessReview review) {
        this.review = review;
    }

    @PostMapping("/blameless-check")
    String check(
            Actor actor,
            @RequestParam String field,
            @RequestParam(required = false) String incident,
            @RequestParam Map<String, String> params,
            Model model) {
        IncidentId id = incident == null ? null : IncidentId.parse(incident).orElse(null);
        model.addAttribute("findings", review.check(actor, params.getOrDefault(field, ""), id));
        return "fragments/blameless :: findings";
    }
}
