package dev.hindsight.analysis.web;

import static dev.hindsight.analysis.web.Versions.incident;

import dev.hindsight.analysis.FactorCategories;
import dev.hindsight.analysis.FactorKind;
import dev.hindsight.analysis.Fishbone;
import dev.hindsight.analysis.FishboneAnalysis;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The fishbone pages of an incident: the list with a form to start one, and the editor of one diagram (its drawing
 * as an {@code <img>} of the SVG, categories with their causes, promotion to factors). Editor forms post with htmx
 * and get back the re-rendered workspace with the cursor where the next cause goes; without JavaScript they post
 * normally and are redirected back.
 */
@Controller
class FishbonePages {

    private static final String WORKSPACE = "analysis/fishbone :: workspace";

    private final IncidentManagement incidents;
    private final FishboneAnalysis fishbones;
    private final RootCauseAnalysis factors;
    private final FactorCategories categories;

    FishbonePages(
            IncidentManagement incidents,
            FishboneAnalysis fishbones,
            RootCauseAnalysis factors,
            FactorCategories categories) {
        this.incidents = incidents;
        this.fishbones = fishbones;
        this.factors = factors;
        this.categories = categories;
    }

    private record Outcome(String form, String error, Map<String, String> typed, String focus) {}

    @GetMapping("/incidents/{key}/fishbones")
    String list(Actor actor, @PathVariable String key, Model model) {
        return list(actor, incident(key), model, null, null);
    }

    @PostMapping("/incidents/{key}/fishbones")
    String create(
            Actor actor,
            @PathVariable String key,
            @RequestParam(defaultValue = "") String effect,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        try {
            Fishbone created = fishbones.create(actor, id, effect);
            return "redirect:/incidents/" + id.key() + "/fishbones/" + created.id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return list(actor, id, model, describe(e.errors()), effect);
        }
    }

    @GetMapping("/incidents/{key}/fishbones/{fishbone}")
    String page(Actor actor, @PathVariable String key, @PathVariable long fishbone, Model model) {
        return render(actor, incident(key), fishbone, model, null, "analysis/fishbone");
    }

    @GetMapping("/incidents/{key}/fishbones/{fishbone}.svg")
    ResponseEntity<String> svg(Actor actor, @PathVariable String key, @PathVariable long fishbone) {
        return Svgs.response(fishbones.svg(actor, incident(key), fishbone));
    }

    @PostMapping("/incidents/{key}/fishbones/{fishbone}/remove")
    String remove(
            Actor actor,
            @PathVariable String key,
            @PathVariable long fishbone,
            @RequestParam int version,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        try {
            fishbones.remove(actor, id, fishbone, version);
        } catch (ConflictException e) {
            response.setStatus(409);
            return render(
                    actor,
                    id,
                    fishbone,
                    model,
                    new Outcome("fishbone-remove", e.getMessage(), Map.of(), null),
                    htmx != null ? WORKSPACE : "analysis/fishbone");
        }
        String list = "/incidents/" + id.key() + "/fishbones";
        if (htmx != null) {
            response.setHeader("HX-Redirect", list);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        return "redirect:" + list;
    }

    @PostMapping("/incidents/{key}/fishbones/{fishbone}/causes")
    String addCause(
            Actor actor,
            @PathVariable String key,
            @PathVariable long fishbone,
            @RequestParam(required = false) Long categoryId,
            @RequestParam(required = false) Long parentId,
            @RequestParam(defaultValue = "") String text,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        String form = parentId == null ? "cause-form-" + categoryId : "sub-form-" + parentId;
        String focus = parentId == null ? "cause-input-" + categoryId : "sub-input-" + parentId;
        return act(actor, id, fishbone, htmx, model, response, form, Map.of("text", text), () -> {
            fishbones.addCause(actor, id, fishbone, categoryId, parentId, text);
            return focus;
        });
    }

    @PostMapping("/incidents/{key}/fishbones/{fishbone}/causes/{cause}/promote")
    String promote(
            Actor actor,
            @PathVariable String key,
            @PathVariable long fishbone,
            @PathVariable long cause,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String category,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        return act(actor, id, fishbone, htmx, model, response, "cause-tools-" + cause, Map.of(), () -> {
            fishbones.promote(actor, id, fishbone, cause, kind, category);
            return null;
        });
    }

    @PostMapping("/incidents/{key}/fishbones/{fishbone}/causes/{cause}")
    String rewordCause(
            Actor actor,
            @PathVariable String key,
            @PathVariable long fishbone,
            @PathVariable long cause,
            @RequestParam(defaultValue = "") String text,
            @RequestParam int version,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        return act(actor, id, fishbone, htmx, model, response, "cause-reword-" + cause, Map.of("text", text), () -> {
            fishbones.rewordCause(actor, id, fishbone, cause, text, version);
            return null;
        });
    }

    @PostMapping("/incidents/{key}/fishbones/{fishbone}/causes/{cause}/remove")
    String removeCause(
            Actor actor,
            @PathVariable String key,
            @PathVariable long fishbone,
            @PathVariable long cause,
            @RequestParam int version,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        return act(actor, id, fishbone, htmx, model, response, "cause-tools-" + cause, Map.of(), () -> {
            fishbones.removeCause(actor, id, fishbone, cause, version);
            return null;
        });
    }

    @PostMapping("/incidents/{key}/fishbones/{fishbone}/categories")
    String addCategory(
            Actor actor,
            @PathVariable String key,
            @PathVariable long fishbone,
            @RequestParam(defaultValue = "") String name,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        return act(actor, id, fishbone, htmx, model, response, "category-form", Map.of("name", name), () -> {
            long added = fishbones.addCategory(actor, id, fishbone, name).id();
            return "cause-input-" + added;
        });
    }

    @PostMapping("/incidents/{key}/fishbones/{fishbone}/categories/{category}")
    String updateCategory(
            Actor actor,
            @PathVariable String key,
            @PathVariable long fishbone,
            @PathVariable long category,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer position,
            @RequestParam int version,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        Map<String, String> typed = Map.of("name", name == null ? "" : name);
        return act(actor, id, fishbone, htmx, model, response, "category-" + category, typed, () -> {
            fishbones.updateCategory(actor, id, fishbone, category, name, position, version);
            return null;
        });
    }

    @PostMapping("/incidents/{key}/fishbones/{fishbone}/categories/{category}/remove")
    String removeCategory(
            Actor actor,
            @PathVariable String key,
            @PathVariable long fishbone,
            @PathVariable long category,
            @RequestParam int version,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        return act(actor, id, fishbone, htmx, model, response, "category-" + category, Map.of(), () -> {
            fishbones.removeCategory(actor, id, fishbone, category, version);
            return null;
        });
    }

    private String list(Actor actor, IncidentId id, Model model, String error, String effect) {
        model.addAttribute("incident", incidents.get(actor, id));
        model.addAttribute("fishbones", fishbones.of(actor, id));
        model.addAttribute("errorMessage", error);
        model.addAttribute("effect", effect == null ? "" : effect);
        return "analysis/fishbones";
    }

    /**
     * Runs a change. On success: the workspace (htmx) or a redirect to the page. When refused: the workspace or page
     * again with the reason beside the form, what was typed kept, and 422 (invalid) or 409 (changed meanwhile).
     */
    private String act(
            Actor actor,
            IncidentId id,
            long fishbone,
            String htmx,
            Model model,
            HttpServletResponse response,
            String form,
            Map<String, String> typed,
            Supplier<String> change) {
        Outcome outcome;
        try {
            String focus = change.get();
            if (htmx == null) {
                return "redirect:/incidents/" + id.key() + "/fishbones/" + fishbone;
            }
            outcome = new Outcome(null, null, Map.of(), focus);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            outcome = new Outcome(form, describe(e.errors()), typed, null);
        } catch (ConflictException e) {
            response.setStatus(409);
            outcome = new Outcome(form, e.getMessage(), typed, null);
        }
        return render(actor, id, fishbone, model, outcome, htmx != null ? WORKSPACE : "analysis/fishbone");
    }

    private String render(Actor actor, IncidentId id, long fishbone, Model model, Outcome outcome, String view) {
        Fishbone diagram = fishbones.get(actor, id, fishbone);
        model.addAttribute("incident", incidents.get(actor, id));
        model.addAttribute("fishbone", diagram);
        model.addAttribute("stamp", Integer.toHexString(diagram.hashCode()));
        model.addAttribute("factors", factors.factorsOf(actor, id));
        model.addAttribute("categories", categories.list());
        model.addAttribute("kinds", FactorKind.values());
        model.addAttribute("suggested", FishboneAnalysis.DEFAULT_CATEGORIES);
        Outcome shown = outcome == null ? new Outcome(null, null, Map.of(), null) : outcome;
        model.addAttribute("errorForm", shown.form() == null ? "" : shown.form());
        model.addAttribute("errorMessage", shown.error());
        model.addAttribute("typed", shown.typed());
        model.addAttribute("focus", shown.focus() == null ? "" : shown.focus());
        return view;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
    }
}
