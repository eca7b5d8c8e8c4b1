package dev.hindsight.postmortem.web;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.postmortem.ImportResult;
import dev.hindsight.postmortem.PostmortemDocuments;
import dev.hindsight.postmortem.PostmortemExports;
import dev.hindsight.postmortem.PostmortemImport;
import dev.hindsight.postmortem.PostmortemTemplates;
import dev.hindsight.postmortem.RenderedPostmortem;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The postmortem pages: the document of an incident (read, write sections with preview and the blameless check,
 * choose a template), its history, its downloads, the incident page's postmortem card, and the import upload.
 */
@Controller
class PostmortemPages {

    private final PostmortemDocuments documents;
    private final PostmortemExports exports;
    private final PostmortemTemplates templates;
    private final PostmortemImport importer;

    PostmortemPages(
            PostmortemDocuments documents,
            PostmortemExports exports,
            PostmortemTemplates templates,
            PostmortemImport importer) {
        this.documents = documents;
        this.exports = exports;
        this.templates = templates;
        this.importer = importer;
    }

    @GetMapping("/incidents/{key}/postmortem")
    String page(Actor actor, @PathVariable String key, Model model) {
        RenderedPostmortem doc = documents.render(actor, IncidentId.fromKey(key));
        model.addAttribute("doc", doc);
        model.addAttribute("incident", doc.incident());
        model.addAttribute("templates", templates.list());
        if (!model.containsAttribute("drafts")) {
            model.addAttribute("drafts", Map.of());
        }
        return "postmortem/page";
    }

    @PostMapping("/incidents/{key}/postmortem/sections/{section}")
    String save(
            Actor actor,
            @PathVariable String key,
            @PathVariable String section,
            @RequestParam(required = false) String body,
            @RequestParam int version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId id = IncidentId.fromKey(key);
        try {
            documents.saveSection(actor, id, section, body, version);
            redirect.addFlashAttribute("flash", "Saved.");
            return "redirect:/incidents/" + id.key() + "/postmortem#section-" + section;
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("conflict", e.getMessage());
            model.addAttribute("conflictSection", section);
            model.addAttribute("changesSince", documents.changesSince(actor, id, version));
            model.addAttribute("drafts", Map.of(section, body == null ? "" : body));
            return page(actor, key, model);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", e.errors());
            model.addAttribute("conflictSection", section);
            model.addAttribute("drafts", Map.of(section, body == null ? "" : body));
            return page(actor, key, model);
        }
    }

    @PostMapping("/incidents/{key}/postmortem/preview")
    String preview(Actor actor, @PathVariable String key, @RequestParam(required = false) String body, Model model) {
        documents.get(actor, IncidentId.fromKey(key));
        model.addAttribute("html", documents.preview(body));
        return "postmortem/page :: preview";
    }

    @PostMapping("/incidents/{key}/postmortem/template")
    String template(
            Actor actor,
            @PathVariable String key,
            @RequestParam String template,
            @RequestParam int version,
            RedirectAttributes redirect) {
        IncidentId id = IncidentId.fromKey(key);
        try {
            documents.applyTemplate(actor, id, template, version);
            redirect.addFlashAttribute("flash", "The document now follows template '" + template + "'.");
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/incidents/" + id.key() + "/postmortem";
    }

    @GetMapping("/incidents/{key}/postmortem/history")
    String history(Actor actor, @PathVariable String key, Model model) {
        IncidentId id = IncidentId.fromKey(key);
        model.addAttribute("doc", documents.get(actor, id));
        model.addAttribute("key", id.key());
        model.addAttribute("revisions", documents.history(actor, id));
        return "postmortem/history";
    }

    @GetMapping("/incidents/{key}/postmortem/download/{format}")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable String key, @PathVariable String format) {
        return PostmortemApi.download(exports, actor, IncidentId.fromKey(key), format);
    }

    @GetMapping("/incidents/{key}/postmortem-fragment")
    String fragment(Actor actor, @PathVariable String key, Model model) {
        IncidentId id = IncidentId.fromKey(key);
        var doc = documents.get(actor, id);
        model.addAttribute("key", id.key());
        model.addAttribute("pm", doc);
        model.addAttribute(
                "written",
                doc.sections().stream()
                        .filter(s -> !s.live() && !s.body().isBlank())
                        .count());
        model.addAttribute(
                "narrative", doc.sections().stream().filter(s -> !s.live()).count());
        return "postmortem/fragment :: card";
    }

    @GetMapping("/admin/postmortems/import")
    String importPage() {
        return "postmortem/import";
    }

    @PostMapping("/admin/postmortems/import")
    String importFiles(
            Actor actor, @RequestParam("files") List<MultipartFile> files, Model model, HttpServletResponse response)
            throws IOException {
        List<ImportResult> results = new ArrayList<>();
        for (MultipartFile file : files) {
            if (file.isEmpty()
                    && (file.getOriginalFilename() == null
                            || file.getOriginalFilename().isBlank())) {
                continue;
            }
            results.add(PostmortemApi.importOne(
                    importer,
                    actor,
                    file.getOriginalFilename(),
                    new String(file.getBytes(), StandardCharsets.UTF_8),
                    false));
        }
        if (results.stream().anyMatch(r -> !r.ok())) {
            response.setStatus(422);
        }
        model.addAttribute("results", results);
        return "postmortem/import";
    }
}
