package dev.hindsight.analysis.web;

import static dev.hindsight.analysis.web.Versions.incident;

import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.FactorCategories;
import dev.hindsight.analysis.FactorForm;
import dev.hindsight.analysis.FactorKind;
import dev.hindsight.analysis.FiveWhys;
import dev.hindsight.analysis.FiveWhysAnalysis;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.analysis.WhyNode;
import dev.hindsight.analysis.internal.References;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The root-cause analysis page of an incident (Five Whys editor, chain summary, factors) and the factors fragment
 * shown on the incident page. Forms post with htmx and get back the re-rendered workspace, with the cursor in the
 * next "Why?" input; without JavaScript they post normally and are redirected back.
 */
@Controller
class AnalysisPages {

    private static final String WORKSPACE = "analysis/page :: workspace";

    private final IncidentManagement incidents;
    private final RootCauseAnalysis factors;
    private final FiveWhysAnalysis fiveWhys;
    private final FactorCategories categories;

    AnalysisPages(
            IncidentManagement incidents,
            RootCauseAnalysis factors,
            FiveWhysAnalysis fiveWhys,
            FactorCategories categories) {
        this.incidents = incidents;
        this.factors = factors;
        this.fiveWhys = fiveWhys;
        this.categories = categories;
    }

    /** Which form an outcome concerns, what to say, what the person typed, and where the cursor goes next. */
    private record Outcome(String form, String error, Map<String, String> typed, String focus) {}

    @GetMapping("/incidents/{key}/analysis")
    String page(Actor actor, @PathVariable String key, Model model) {
        return render(actor, incident(key), model, null, "analysis/page");
    }

    @GetMapping("/incidents/{key}/factors-fragment")
    String factorsFragment(Actor actor, @PathVariable String key, Model model) {
        IncidentId id = incident(key);
        model.addAttribute("incident", incidents.get(actor, id));
        model.addAttribute("factors", factors.factorsOf(actor, id));
        return "analysis/fragments :: factors";
    }

    @PostMapping("/incidents/{key}/analysis/five-whys")
    String start(
            Actor actor,
            @PathVariable String key,
            @RequestParam(defaultValue = "") String problem,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        return act(actor, id, htmx, model, response, "problem-form", Map.of("problem", problem), () -> {
            FiveWhys started = fiveWhys.start(actor, id, problem);
            return "why-input-" + started.id() + "-root";
        });
    }

    @PostMapping("/incidents/{key}/analysis/five-whys/{tree}/remove")
    String removeFiveWhys(
            Actor actor,
            @PathVariable String key,
            @PathVariable long tree,
            @RequestParam int version,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        return act(actor, id, htmx, model, response, "five-whys-form-" + tree, Map.of(), () -> {
            fiveWhys.remove(actor, id, tree, version);
            return null;
        });
    }

    @PostMapping("/incidents/{key}/analysis/five-whys/{tree}/whys")
    String addWhy(
            Actor actor,
            @PathVariable String key,
            @PathVariable long tree,
            @RequestParam(required = false) Long parentId,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) String references,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        String form = "why-form-" + tree + "-" + (parentId == null ? "root" : parentId);
        Map<String, String> typed = Map.of("text", text, "references", references == null ? "" : references);
        return act(actor, id, htmx, model, response, form, typed, () -> {
            WhyNode added = fiveWhys.addWhy(actor, id, tree, parentId, text, References.split(references));
            return "why-input-" + tree + "-" + added.id();
        });
    }

    @PostMapping("/incidents/{key}/analysis/five-whys/{tree}/whys/{node}/mark")
    String mark(
            Actor actor,
            @PathVariable String key,
            @PathVariable long tree,
            @PathVariable long node,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String category,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        return act(actor, id, htmx, model, response, "mark-form-" + node, Map.of(), () -> {
            fiveWhys.mark(actor, id, tree, node, kind, category);
            return null;
        });
    }

    @PostMapping("/incidents/{key}/analysis/five-whys/{tree}/whys/{node}/unmark")
    String unmark(
            Actor actor,
            @PathVariable String key,
            @PathVariable long tree,
            @PathVariable long node,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        return act(actor, id, htmx, model, response, "mark-form-" + node, Map.of(), () -> {
            fiveWhys.unmark(actor, id, tree, node);
            return null;
        });
    }

    @PostMapping("/incidents/{key}/analysis/five-whys/{tree}/whys/{node}/remove")
    String removeWhy(
            Actor actor,
            @PathVariable String key,
            @PathVariable long tree,
            @PathVariable long node,
            @RequestParam int version,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        return act(actor, id, htmx, model, response, "mark-form-" + node, Map.of(), () -> {
            fiveWhys.removeWhy(actor, id, tree, node, version);
            return null;
        });
    }

    @PostMapping("/incidents/{key}/analysis/factors")
    String addFactor(
            Actor actor,
            @PathVariable String key,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String category,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String evidence,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("kind", kind);
        typed.put("title", title);
        typed.put("category", category);
        typed.put("description", description == null ? "" : description);
        typed.put("evidence", evidence == null ? "" : evidence);
        return act(actor, id, htmx, model, response, "factor-form", typed, () -> {
            factors.add(
                    actor, id, new FactorForm(kind, title, category, description, null, References.split(evidence)));
            return "factor-title";
        });
    }

    @PostMapping("/incidents/{key}/analysis/factors/{factor}/remove")
    String removeFactor(
            Actor actor,
            @PathVariable String key,
            @PathVariable long factor,
            @RequestParam int version,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        return act(actor, id, htmx, model, response, "factor-" + factor, Map.of(), () -> {
            factors.remove(actor, id, factor, version);
            return null;
        });
    }

    /**
     * Runs a change. On success: the workspace (htmx) or a redirect to the page. When refused: the workspace or page
     * again with the reason beside the form, what was typed kept, and 422 (invalid) or 409 (changed meanwhile).
     */
    private String act(
            Actor actor,
            IncidentId id,
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
                return "redirect:/incidents/" + id.key() + "/analysis";
            }
            outcome = new Outcome(null, null, Map.of(), focus);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            outcome = new Outcome(form, describe(e.errors()), typed, null);
        } catch (ConflictException e) {
            response.setStatus(409);
            outcome = new Outcome(form, e.getMessage(), typed, null);
        }
        return render(actor, id, model, outcome, htmx != null ? WORKSPACE : "analysis/page");
    }

    private String render(Actor actor, IncidentId id, Model model, Outcome outcome, String view) {
        Incident incident = incidents.get(actor, id);
        List<ContributingFactor> list = factors.factorsOf(actor, id);
        model.addAttribute("incident", incident);
        model.addAttribute("trees", fiveWhys.of(actor, id));
        model.addAttribute("factors", list);
        model.addAttribute("categories", categories.list());
        model.addAttribute("kinds", FactorKind.values());
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
