package dev.hindsight.incident.web;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.catalog.ServiceCatalog;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.IncidentSettings;
import dev.hindsight.incident.IncidentStatus;
import dev.hindsight.incident.Page;
import dev.hindsight.incident.ParticipantRole;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.Durations;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The incident pages: list with filters (htmx partial updates), detail, create and edit forms, status changes. */
@Controller
class IncidentPages {

    private final IncidentManagement incidents;
    private final IncidentSettings settings;
    private final ServiceCatalog catalog;
    private final Accounts accounts;

    IncidentPages(IncidentManagement incidents, IncidentSettings settings, ServiceCatalog catalog, Accounts accounts) {
        this.incidents = incidents;
        this.settings = settings;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    @GetMapping("/incidents")
    String list(
            Actor actor,
            @ModelAttribute("query") IncidentQuery query,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @CookieValue(value = "tz", required = false) String tz,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("zone", zone(tz));
        model.addAttribute("services", catalog.list());
        model.addAttribute("teams", accounts.teams());
        model.addAttribute("tagsInUse", incidents.tagsInUse());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("severities", settings.severities());
        try {
            Page<Incident> page = incidents.list(actor, query.filter(), query.pageRequest());
            model.addAttribute("page", page);
        } catch (InvalidInputException e) {
            model.addAttribute("page", new Page<Incident>(List.of(), 0, 25, 0));
            model.addAttribute("queryErrors", e.errors());
            response.setStatus(400);
        }
        return htmx != null ? "incidents/list :: results" : "incidents/list";
    }

    @GetMapping("/incidents/new")
    String newForm(Actor actor, @CookieValue(value = "tz", required = false) String tz, Model model) {
        actor.require(dev.hindsight.shared.Role.EDITOR);
        return form(model, new IncidentPageForm(), null, zone(tz));
    }

    @PostMapping("/incidents")
    String create(
            Actor actor,
            @ModelAttribute("form") IncidentPageForm form,
            @CookieValue(value = "tz", required = false) String tz,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ZoneId zone = zone(tz);
        try {
            Incident created = incidents.create(actor, form.toForm(zone));
            redirect.addFlashAttribute("flash", "Opened " + created.key() + ".");
            return "redirect:/incidents/" + created.key();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", byField(e.errors()));
            return form(model, form, null, zone);
        }
    }

    @GetMapping("/incidents/{key}")
    String detail(
            Actor actor,
            @PathVariable String key,
            @CookieValue(value = "tz", required = false) String tz,
            Model model) {
        Incident incident = incidents.get(actor, IncidentApi.id(key));
        model.addAttribute("incident", incident);
        model.addAttribute("zone", zone(tz));
        model.addAttribute("audit", incidents.auditTrail(actor, incident.id()));
        model.addAttribute("severities", settings.severities());
        model.addAttribute("fieldDefinitions", settings.customFields());
        model.addAttribute("durations", durations(incident));
        return "incidents/detail";
    }

    @GetMapping("/incidents/{key}/edit")
    String editForm(
            Actor actor,
            @PathVariable String key,
            @CookieValue(value = "tz", required = false) String tz,
            Model model) {
        actor.require(dev.hindsight.shared.Role.EDITOR);
        Incident incident = incidents.get(actor, IncidentApi.id(key));
        ZoneId zone = zone(tz);
        return form(model, IncidentPageForm.of(incident, zone), incident, zone);
    }

    @PostMapping("/incidents/{key}")
    String update(
            Actor actor,
            @PathVariable String key,
            @ModelAttribute("form") IncidentPageForm form,
            @CookieValue(value = "tz", required = false) String tz,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId id = IncidentApi.id(key);
        ZoneId zone = zone(tz);
        Incident current = incidents.get(actor, id);
        try {
            Incident saved = incidents.update(actor, id, form.toForm(zone), form.getVersion());
            redirect.addFlashAttribute("flash", "Saved " + saved.key() + ".");
            return "redirect:/incidents/" + saved.key();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", byField(e.errors()));
            return form(model, form, current, zone);
        } catch (ConflictException e) {
            response.setStatus(409);
            Incident latest = incidents.get(actor, id);
            model.addAttribute("conflict", e.getMessage());
            model.addAttribute("theirChanges", theirChanges(form, latest, zone));
            model.addAttribute("conflictVersion", form.getVersion());
            form.setVersion(latest.version());
            return form(model, form, latest, zone);
        }
    }

    @PostMapping("/incidents/{key}/status")
    String changeStatus(
            Actor actor,
            @PathVariable String key,
            @RequestParam String status,
            @RequestParam int version,
            RedirectAttributes redirect) {
        try {
            Incident saved = incidents.changeStatus(actor, IncidentApi.id(key), status, version);
            redirect.addFlashAttribute(
                    "flash", saved.key() + " is now " + saved.status().label() + ".");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("flash", "Status not changed: " + e.getMessage());
        }
        return "redirect:/incidents/" + key;
    }

    private String form(Model model, IncidentPageForm form, Incident incident, ZoneId zone) {
        model.addAttribute("form", form);
        model.addAttribute("incident", incident);
        model.addAttribute("pageTitle", incident == null ? "New incident" : "Edit " + incident.key());
        model.addAttribute("zone", zone);
        model.addAttribute("services", catalog.list());
        model.addAttribute("users", accounts.list());
        model.addAttribute("severities", settings.severities());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("roles", ParticipantRole.values());
        model.addAttribute("fieldDefinitions", settings.customFields());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "incidents/form";
    }

    /** The fields where the stored version differs from what the user submitted: what the other person changed. */
    private static List<FieldChange> theirChanges(IncidentPageForm mine, Incident latest, ZoneId zone) {
        IncidentPageForm theirs = IncidentPageForm.of(latest, zone);
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "Title", mine.getTitle(), theirs.getTitle());
        compare(changes, "Summary", mine.getSummary(), theirs.getSummary());
        compare(changes, "Severity", mine.getSeverity(), theirs.getSeverity());
        compare(changes, "Status", mine.getStatus(), theirs.getStatus());
        compare(changes, "Visibility", mine.getVisibility(), theirs.getVisibility());
        compare(changes, "Services", String.valueOf(mine.getServices()), String.valueOf(theirs.getServices()));
        compare(changes, "Impact", mine.getImpactDescription(), theirs.getImpactDescription());
        compare(changes, "Started", mine.getStartedAt(), theirs.getStartedAt());
        compare(changes, "Detected", mine.getDetectedAt(), theirs.getDetectedAt());
        compare(changes, "Acknowledged", mine.getAcknowledgedAt(), theirs.getAcknowledgedAt());
        compare(changes, "Mitigated", mine.getMitigatedAt(), theirs.getMitigatedAt());
        compare(changes, "Resolved", mine.getResolvedAt(), theirs.getResolvedAt());
        compare(changes, "Commander", mine.getCommander(), theirs.getCommander());
        compare(changes, "Tags", mine.getTags(), theirs.getTags());
        return changes;
    }

    private static void compare(List<FieldChange> changes, String field, String mine, String theirs) {
        String a = mine == null || mine.isBlank() ? null : mine.trim();
        String b = theirs == null || theirs.isBlank() ? null : theirs.trim();
        if (!Objects.equals(a, b)) {
            changes.add(new FieldChange(field, a, b));
        }
    }

    static Map<String, String> durations(Incident incident) {
        var t = incident.keyTimes();
        Map<String, String> map = new LinkedHashMap<>();
        map.put("TTD", Durations.human(t.timeToDetect()));
        map.put("TTA", Durations.human(t.timeToAcknowledge()));
        map.put("TTM", Durations.human(t.timeToMitigate()));
        map.put("TTR", Durations.human(t.timeToResolve()));
        return map;
    }

    private static Map<String, String> byField(List<FieldError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        for (FieldError e : errors) {
            map.merge(e.field(), e.message(), (a, b) -> a + "; " + b);
        }
        return map;
    }

    static ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
