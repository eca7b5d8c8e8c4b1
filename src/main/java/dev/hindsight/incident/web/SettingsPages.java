package dev.hindsight.incident.web;

import dev.hindsight.incident.IncidentSettings;
import dev.hindsight.incident.Severity;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page for severity descriptions and custom incident fields. */
@Controller
class SettingsPages {

    private final IncidentSettings settings;

    SettingsPages(IncidentSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/admin/settings")
    String settings(Model model) {
        model.addAttribute("severities", settings.severities());
        model.addAttribute("fields", settings.customFields());
        return "admin/settings";
    }

    @PostMapping("/admin/settings/severities/{level}")
    String describe(
            Actor actor, @PathVariable int level, @RequestParam String description, RedirectAttributes redirect) {
        try {
            settings.describeSeverity(actor, new Severity(level), description);
            redirect.addFlashAttribute("flash", "Saved SEV" + level + ".");
        } catch (InvalidInputException | IllegalArgumentException e) {
            redirect.addFlashAttribute("flash", "Not saved: " + e.getMessage());
        }
        return "redirect:/admin/settings";
    }

    @PostMapping("/admin/settings/fields")
    String define(
            Actor actor,
            @RequestParam String key,
            @RequestParam String label,
            @RequestParam String type,
            @RequestParam(defaultValue = "false") boolean required,
            @RequestParam(required = false) String choices,
            RedirectAttributes redirect) {
        try {
            settings.defineField(
                    actor, key, label, type, required, choices == null ? null : Arrays.asList(choices.split(",")));
            redirect.addFlashAttribute("flash", "Added field " + key + ".");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("flash", "Field not added: " + e.getMessage());
        }
        return "redirect:/admin/settings";
    }

    @PostMapping("/admin/settings/fields/{key}/remove")
    String remove(Actor actor, @PathVariable String key, RedirectAttributes redirect) {
        settings.removeField(actor, key);
        redirect.addFlashAttribute("flash", "Removed field " + key + ".");
        return "redirect:/admin/settings";
    }
}
