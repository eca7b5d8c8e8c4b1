package dev.hindsight.postmortem.web;

import dev.hindsight.postmortem.PostmortemTemplate;
import dev.hindsight.postmortem.PostmortemTemplates;
import dev.hindsight.postmortem.TemplateForm;
import dev.hindsight.postmortem.TemplateSection;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page for postmortem templates. Sections are edited as lines of text,
 * {@code key | Title | kind | required | guidance}, one per section in document order.
 */
@Controller
class TemplatePages {

    private final PostmortemTemplates templates;

    TemplatePages(PostmortemTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/admin/postmortem-templates")
    String list(Model model) {
        model.addAttribute("templates", templates.list());
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new Draft(null, "", "", lines(PostmortemTemplate.DEFAULT), 0));
        }
        return "postmortem/templates";
    }

    @GetMapping("/admin/postmortem-templates/{id}")
    String edit(@PathVariable long id, Model model) {
        PostmortemTemplate t = templates.get(id);
        model.addAttribute("draft", new Draft(t.id(), t.name(), t.severityLabels(), lines(t), t.version()));
        return list(model);
    }

    @PostMapping("/admin/postmortem-templates")
    String save(
            Actor actor,
            @RequestParam(required = false) Long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String severities,
            @RequestParam(required = false) String sections,
            @RequestParam(defaultValue = "0") int version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            TemplateForm form = new TemplateForm(
                    name, severities == null ? List.of() : Arrays.asList(severities.split("[,\\s]+")), parse(sections));
            PostmortemTemplate saved =
                    id == null ? templates.create(actor, form) : templates.update(actor, id, form, version);
            redirect.addFlashAttribute("flash", "Saved template '" + saved.name() + "'.");
            return "redirect:/admin/postmortem-templates";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", e.errors());
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", List.of(new FieldError("version", e.getMessage())));
        }
        model.addAttribute("draft", new Draft(id, name, severities, sections, version));
        return list(model);
    }

    @PostMapping("/admin/postmortem-templates/{id}/remove")
    String remove(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        templates.remove(actor, id);
        redirect.addFlashAttribute("flash", "Removed the template.");
        return "redirect:/admin/postmortem-templates";
    }

    /** The form's state: what the admin typed, kept on errors. */
    record Draft(Long id, String name, String severities, String sections, int version) {}

    static String lines(PostmortemTemplate t) {
        return t.sections().stream().map(TemplatePages::line).collect(Collectors.joining("\n"));
    }

    private static String line(TemplateSection s) {
        return s.key() + " | " + s.title() + " | " + s.kind().name().toLowerCase(Locale.ROOT) + " | "
                + (s.required() ? "required" : "optional") + " | " + (s.guidance() == null ? "" : s.guidance());
    }

    static List<TemplateForm.SectionForm> parse(String text) {
        List<TemplateForm.SectionForm> sections = new ArrayList<>();
        if (text == null) {
            return sections;
        }
        for (String line : text.split("\\r?\\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", 5);
            String key = parts.length > 0 ? parts[0].strip() : "";
            String title = parts.length > 1 ? parts[1].strip() : "";
            String kind = parts.length > 2 ? parts[2].strip() : "";
            String required = parts.length > 3 ? parts[3].strip().toLowerCase(Locale.ROOT) : "";
            String guidance = parts.length > 4 ? parts[4].strip() : "";
            sections.add(new TemplateForm.SectionForm(
                    key,
                    title,
                    kind,
                    required.equals("required") || required.equals("yes") || required.equals("true"),
                    guidance));
        }
        return sections;
    }
}
