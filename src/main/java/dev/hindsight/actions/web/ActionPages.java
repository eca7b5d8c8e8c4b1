package dev.hindsight.actions.web;

import static dev.hindsight.actions.web.ActionApi.action;
import static dev.hindsight.actions.web.ActionApi.incident;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.actions.ActionGate;
import dev.hindsight.actions.ActionItem;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.actions.ActionPriority;
import dev.hindsight.actions.ActionStatus;
import dev.hindsight.actions.ActionType;
import dev.hindsight.actions.Effort;
import dev.hindsight.actions.Recurrences;
import dev.hindsight.actions.SavedViews;
import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.Page;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The action plan section of the incident page (an htmx fragment with its add form), the cross-incident board with
 * filters (htmx partial updates), its CSV export, and status changes from either.
 */
@Controller
class ActionPages {

    private static final String PLAN = "actions/fragments :: plan";

    private final ActionItems actions;
    private final Accounts accounts;
    private final SavedViews savedViews;
    private final ActionGate gate;
    private final Recurrences recurrences;

    ActionPages(
            ActionItems actions, Accounts accounts, SavedViews savedViews, ActionGate gate, Recurrences recurrences) {
        this.recurrences = recurrences;
        this.actions = actions;
        this.accounts = accounts;
        this.savedViews = savedViews;
        this.gate = gate;
    }

    @GetMapping("/incidents/{key}/actions-fragment")
    String plan(Actor actor, @PathVariable String key, @RequestParam(required = false) Long factor, Model model) {
        return renderPlan(actor, incident(key), ActionPageForm.blank(factor), factor != null, model);
    }

    @PostMapping("/incidents/{key}/actions")
    String add(
            Actor actor,
            @PathVariable String key,
            @ModelAttribute ActionPageForm form,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        try {
            ActionItem added = actions.add(actor, id, form.toForm());
            String message = "Added " + added.key() + ".";
            if (htmx == null) {
                redirect.addFlashAttribute("flash", message);
                return "redirect:/incidents/" + id.key();
            }
            model.addAttribute("planFlash", message);
            return renderPlan(actor, id, ActionPageForm.blank(null), false, model);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", byField(e.errors()));
            return renderPlan(actor, id, form, true, model);
        }
    }

    @PostMapping("/incidents/{key}/factors/{factorId}/accepted-risk")
    String acceptRisk(
            Actor actor,
            @PathVariable String key,
            @PathVariable long factorId,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "false") boolean withdraw,
            Model model,
            HttpServletResponse response) {
        IncidentId id = incident(key);
        try {
            if (withdraw) {
                gate.withdraw(actor, id, factorId);
                model.addAttribute("planFlash", "Withdrew the accepted risk.");
            } else {
                gate.accept(actor, id, factorId, note);
                model.addAttribute("planFlash", "Accepted the risk.");
            }
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute(
                    "planFlash",
                    "Not saved: "
                            + e.errors().stream()
                                    .map(f -> f.field() + " " + f.message())
                                    .collect(Collectors.joining("; ")));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("planFlash", e.getMessage());
        }
        return renderPlan(actor, id, ActionPageForm.blank(null), false, model);
    }

    @PostMapping("/actions/{id}/status")
    String status(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) String reason,
            @RequestParam int version,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                ? back
                : "/actions";
        try {
            ActionItem saved = actions.changeStatus(actor, action(id), status, reason, version);
            redirect.addFlashAttribute(
                    "flash", saved.key() + " is now " + saved.status().label() + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "flash",
                    "Not changed: "
                            + e.errors().stream()
                                    .map(f -> f.field() + " " + f.message())
                                    .collect(Collectors.joining("; ")));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:" + target;
    }

    @GetMapping("/actions")
    String board(
            Actor actor,
            @ModelAttribute("query") ActionQuery query,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response) {
        model.addAttribute(
                "back", "/actions" + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        model.addAttribute("users", accounts.list());
        model.addAttribute("teams", accounts.teams());
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("priorities", ActionPriority.values());
        model.addAttribute("types", ActionType.values());
        model.addAttribute("today", actions.today());
        model.addAttribute("savedViews", savedViews.visibleTo(actor));
        model.addAttribute("currentQuery", request.getQueryString() == null ? "" : request.getQueryString());
        try {
            model.addAttribute(
                    "page",
                    actions.board(
                            actor, query.filter(accounts), query.sortOrder(), query.pageNumber(), query.pageSize()));
        } catch (InvalidInputException e) {
            model.addAttribute("page", new Page<ActionItem>(List.of(), 0, 25, 0));
            model.addAttribute("queryErrors", e.errors());
            response.setStatus(400);
        }
        return htmx != null ? "actions/board :: results" : "actions/board";
    }

    @GetMapping("/actions.csv")
    void csv(Actor actor, @ModelAttribute ActionQuery query, HttpServletResponse response) throws IOException {
        var filter = query.filter(accounts);
        var sort = query.sortOrder();
        LocalDate today = actions.today();
        response.setContentType("text/csv; charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"actions.csv\"");
        Writer out = response.getWriter();
        out.write(Csv.row(List.of(
                "id",
                "incident",
                "title",
                "type",
                "priority",
                "status",
                "owner",
                "team",
                "due_date",
                "overdue",
                "effort",
                "ticket_url",
                "wont_do_reason",
                "completed_at",
                "description")));
        int pageNumber = 0;
        Page<ActionItem> page;
        do {
            page = actions.board(actor, filter, sort, pageNumber++, ActionItems.MAX_PAGE_SIZE);
            for (ActionItem a : page.items()) {
                out.write(Csv.row(Arrays.asList(
                        a.key(),
                        a.incidentId().key(),
                        a.title(),
                        a.type().label(),
                        a.priority().name(),
                        a.status().label(),
                        a.ownerName(),
                        a.teamName(),
                        a.dueDate(),
                        a.overdueOn(today),
                        a.effort() == null ? null : a.effort().name(),
                        a.ticketUrl(),
                        a.wontDoReason(),
                        a.completedAt(),
                        a.description())));
            }
        } while (page.hasNext());
        out.flush();
    }

    private String renderPlan(Actor actor, IncidentId id, ActionPageForm form, boolean formOpen, Model model) {
        var plan = actions.planOf(actor, id);
        model.addAttribute("incidentKey", id.key());
        model.addAttribute("plan", plan);
        model.addAttribute(
                "factorsById",
                plan.factors().stream().collect(Collectors.toMap(ContributingFactor::id, Function.identity())));
        model.addAttribute("form", form);
        model.addAttribute("checkedFactors", form.factorIds() == null ? List.of() : form.factorIds());
        model.addAttribute("formOpen", formOpen);
        model.addAttribute("users", accounts.list());
        model.addAttribute("teams", accounts.teams());
        model.addAttribute("types", ActionType.values());
        model.addAttribute("priorities", ActionPriority.values());
        model.addAttribute("efforts", Effort.values());
        model.addAttribute("today", actions.today());
        model.addAttribute("gateFindings", gate.findings(actor, id));
        model.addAttribute("acceptedRisks", gate.acceptedRisks(actor, id));
        model.addAttribute("recurrences", recurrences.of(actor, id));
        return PLAN;
    }

    private static Map<String, String> byField(List<FieldError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        errors.forEach(e -> map.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
        return map;
    }
}
