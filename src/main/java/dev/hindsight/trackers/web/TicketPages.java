package dev.hindsight.trackers.web;

import dev.hindsight.actions.ActionId;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.trackers.TrackerSync;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "Tickets" section of the incident page (an htmx fragment): each action's ticket and sync state. */
@Controller
class TicketPages {

    private final TrackerSync sync;
    private final ActionItems actions;
    private final String baseUrl;

    TicketPages(TrackerSync sync, ActionItems actions, @Value("${hindsight.base-url:}") String baseUrl) {
        this.sync = sync;
        this.actions = actions;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/incidents/{key}/tickets-fragment")
    String tickets(Actor actor, @PathVariable String key, Model model) {
        IncidentId id = IncidentId.fromKey(key);
        model.addAttribute("incidentKey", id.key());
        model.addAttribute("actions", actions.actionsOf(actor, id));
        model.addAttribute("tickets", sync.ticketsOf(actor, id));
        model.addAttribute("trackers", sync.available());
        return "trackers/fragments :: tickets";
    }

    @PostMapping("/actions/{id}/ticket")
    String create(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String tracker,
            RedirectAttributes redirect) {
        ActionId action = TrackerApi.action(id);
        String incident = sync.incidentOf(actor, action).key();
        try {
            sync.createTicket(actor, action, tracker, TrackerApi.backlink(baseUrl, action, sync, actor));
            sync.dispatchSoon();
            redirect.addFlashAttribute("flash", "Creating a " + tracker + " ticket for " + action.key() + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", "No ticket: " + e.getMessage());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/incidents/" + incident;
    }
}
