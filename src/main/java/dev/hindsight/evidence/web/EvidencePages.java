package dev.hindsight.evidence.web;

import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.evidence.EvidenceKind;
import dev.hindsight.evidence.EvidenceUpload;
import dev.hindsight.evidence.Ingested;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The evidence section of the incident page, loaded by htmx into {@code incidents/detail.html}: the list and the
 * upload form. An upload answers with the section re-rendered, with a message or the errors beside the form.
 */
@Controller
class EvidencePages {

    private final EvidenceCollection evidence;

    EvidencePages(EvidenceCollection evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/incidents/{key}/evidence")
    String section(
            Actor actor,
            @PathVariable String key,
            @CookieValue(value = "tz", required = false) String tz,
            Model model) {
        return render(actor, key, tz, model);
    }

    @PostMapping("/incidents/{key}/evidence")
    String upload(
            Actor actor,
            @PathVariable String key,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) String clockOffsetSeconds,
            @RequestParam(required = false) String format,
            @CookieValue(value = "tz", required = false) String tz,
            Model model)
            throws IOException {
        IncidentId id = EvidenceApi.id(key);
        try {
            if (file == null
                    || file.getOriginalFilename() == null
                    || file.getOriginalFilename().isBlank()) {
                throw new InvalidInputException("file", "choose a file to attach");
            }
            Integer offset = parseOffset(clockOffsetSeconds);
            try (InputStream content = file.getInputStream()) {
                Ingested ingested = evidence.attach(
                        actor, id, new EvidenceUpload(file.getOriginalFilename(), kind, zone, offset, format), content);
                model.addAttribute(
                        "message",
                        ingested.alreadyAttached()
                                ? file.getOriginalFilename() + " is already attached as "
                                        + ingested.evidence().name() + " (same SHA-256); nothing was added."
                                : "Attached " + ingested.evidence().name() + ".");
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("kind", kind);
            model.addAttribute("zone", zone);
            model.addAttribute("clockOffsetSeconds", clockOffsetSeconds);
            model.addAttribute("format", format);
        } catch (ForbiddenException e) {
            model.addAttribute("errors", List.of(new FieldError("file", e.getMessage())));
        }
        return render(actor, key, tz, model);
    }

    private String render(Actor actor, String key, String tz, Model model) {
        IncidentId id = EvidenceApi.id(key);
        model.addAttribute("key", id.key());
        model.addAttribute("items", evidence.list(actor, id));
        model.addAttribute("eventCounts", evidence.eventCounts(actor, id));
        model.addAttribute("parses", evidence.parseSummaries(actor, id));
        model.addAttribute("kinds", EvidenceKind.values());
        model.addAttribute("canEdit", actor.canEdit());
        model.addAttribute("viewZone", zone(tz));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "evidence/section :: section";
    }

    private static Integer parseOffset(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("clockOffsetSeconds", "'" + raw + "' is not a whole number of seconds");
        }
    }

    private static ZoneId zone(String tz) {
        try {
            return tz == null || tz.isBlank() ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    @GetMapping("/incidents/{key}/evidence/{evidenceId}/templates")
    String templates(Actor actor, @PathVariable String key, @PathVariable long evidenceId, Model model) {
        IncidentId id = EvidenceApi.id(key);
        model.addAttribute("key", key);
        model.addAttribute("item", evidence.get(actor, id, evidenceId));
        model.addAttribute("digest", evidence.logDigest(actor, id, evidenceId).orElse(null));
        return "evidence/templates";
    }
}
