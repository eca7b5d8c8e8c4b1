package dev.hindsight.insights.web;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.insights.LikelyCauses;
import dev.hindsight.shared.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** "Likely causes from history": a fragment for the incident page and the same numbers as JSON. */
@Controller
class LikelyCausesWeb {

    private final LikelyCauses likelyCauses;

    LikelyCausesWeb(LikelyCauses likelyCauses) {
        this.likelyCauses = likelyCauses;
    }

    @GetMapping("/api/v1/incidents/{key}/likely-causes")
    @ResponseBody
    LikelyCauses.Report api(Actor actor, @PathVariable String key) {
        return likelyCauses.rank(actor, id(key));
    }

    @GetMapping("/incidents/{key}/likely-causes-fragment")
    String fragment(Actor actor, @PathVariable String key, Model model) {
        model.addAttribute("report", likelyCauses.rank(actor, id(key)));
        return "insights/likely-causes :: report";
    }

    private static IncidentId id(String key) {
        return IncidentId.fromKey(key);
    }
}
