package dev.hindsight.postmortem.web;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.postmortem.ImportResult;
import dev.hindsight.postmortem.Postmortem;
import dev.hindsight.postmortem.PostmortemDocuments;
import dev.hindsight.postmortem.PostmortemExports;
import dev.hindsight.postmortem.PostmortemImport;
import dev.hindsight.postmortem.PostmortemTemplate;
import dev.hindsight.postmortem.PostmortemTemplates;
import dev.hindsight.postmortem.Revision;
import dev.hindsight.postmortem.TemplateForm;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ExpectedVersion;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The postmortem document of an incident ({@code /api/v1/incidents/{key}/postmortem}: the JSON export, section edits
 * with the document version in If-Match or the body, template choice, history, exports), templates
 * ({@code /api/v1/postmortem-templates}) and the Markdown import ({@code /api/v1/postmortems/import}).
 */
@RestController
@RequestMapping("/api/v1")
class PostmortemApi {

    private final PostmortemDocuments documents;
    private final PostmortemExports exports;
    private final PostmortemTemplates templates;
    private final PostmortemImport importer;

    PostmortemApi(
            PostmortemDocuments documents,
            PostmortemExports exports,
            PostmortemTemplates templates,
            PostmortemImport importer) {
        this.documents = documents;
        this.exports = exports;
        this.templates = templates;
        this.importer = importer;
    }

    record SectionRequest(String body, Integer version) {}

    record TemplateRequest(String template, Integer version) {}

    record RevisionView(
            int version,
            String section,
            String sectionTitle,
            String changedBy,
            OffsetDateTime changedAt,
            String before,
            String after,
            List<String> diff) {

        static RevisionView of(Revision r) {
            return new RevisionView(
                    r.version(),
                    r.sectionKey(),
                    r.sectionTitle(),
                    r.changedBy(),
                    r.changedAt(),
                    r.before(),
                    r.after(),
                    r.diff());
        }
    }

    record TemplateView(
            Long id, String name, List<String> severities, boolean builtIn, List<SectionView> sections, int version) {

        record SectionView(String key, String title, String kind, boolean required, String guidance) {}

        static TemplateView of(PostmortemTemplate t) {
            return new TemplateView(
                    t.id(),
                    t.name(),
                    t.severities().stream().map(s -> "SEV" + s).toList(),
                    t.builtIn(),
                    t.sections().stream()
                            .map(s -> new SectionView(
                                    s.key(),
                                    s.title(),
                                    s.kind().name().toLowerCase(Locale.ROOT),
                                    s.required(),
                                    s.guidance()))
                            .toList(),
                    t.version());
        }
    }

    record TemplateBody(
            String name, List<String> severities, List<TemplateForm.SectionForm> sections, Integer version) {

        TemplateForm toForm() {
            return new TemplateForm(name, severities, sections);
        }
    }

    @GetMapping("/incidents/{key}/postmortem")
    ResponseEntity<PostmortemExports.PostmortemJson> get(Actor actor, @PathVariable String key) {
        PostmortemExports.PostmortemJson json = exports.json(actor, IncidentId.fromKey(key));
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(json.version())).body(json);
    }

    @PutMapping("/incidents/{key}/postmortem/sections/{section}")
    ResponseEntity<PostmortemExports.PostmortemJson> saveSection(
            Actor actor,
            @PathVariable String key,
            @PathVariable String section,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SectionRequest request) {
        IncidentId id = IncidentId.fromKey(key);
        Postmortem saved = documents.saveSection(
                actor, id, section, request.body(), ExpectedVersion.from(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(saved.version())).body(exports.json(actor, id));
    }

    @PostMapping("/incidents/{key}/postmortem/template")
    ResponseEntity<PostmortemExports.PostmortemJson> template(
            Actor actor,
            @PathVariable String key,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody TemplateRequest request) {
        IncidentId id = IncidentId.fromKey(key);
        Postmortem saved = documents.applyTemplate(
                actor, id, request.template(), ExpectedVersion.from(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(saved.version())).body(exports.json(actor, id));
    }

    @GetMapping("/incidents/{key}/postmortem/history")
    List<RevisionView> history(Actor actor, @PathVariable String key) {
        return documents.history(actor, IncidentId.fromKey(key)).stream()
                .map(RevisionView::of)
                .toList();
    }

    @GetMapping("/incidents/{key}/postmortem/export/{format}")
    ResponseEntity<byte[]> export(Actor actor, @PathVariable String key, @PathVariable String format) {
        return download(exports, actor, IncidentId.fromKey(key), format);
    }

    static ResponseEntity<byte[]> download(PostmortemExports exports, Actor actor, IncidentId id, String format) {
        String f = format.toLowerCase(Locale.ROOT);
        byte[] bytes;
        MediaType type;
        String extension;
        switch (f) {
            case "md", "markdown" -> {
                bytes = exports.markdown(actor, id).getBytes(StandardCharsets.UTF_8);
                type = new MediaType("text", "markdown", StandardCharsets.UTF_8);
                extension = "md";
            }
            case "html" -> {
                bytes = exports.html(actor, id).getBytes(StandardCharsets.UTF_8);
                type = new MediaType("text", "html", StandardCharsets.UTF_8);
                extension = "html";
            }
            case "pdf" -> {
                bytes = exports.pdf(actor, id);
                type = MediaType.APPLICATION_PDF;
                extension = "pdf";
            }
            case "json" -> {
                return ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(URI.create("/api/v1/incidents/" + id.key() + "/postmortem"))
                        .build();
            }
            default -> throw new NotFoundException("No export format '" + format + "' (md, html, pdf, json)");
        }
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(PostmortemExports.fileName(id, extension))
                                .build()
                                .toString())
                .body(bytes);
    }

    /**
     * Imports Markdown postmortems: one file as the request body ({@code text/markdown}, name in {@code ?name=}), or
     * several as multipart {@code files}. Each file is imported on its own; the answer lists every file's outcome and
     * is 422 when any was refused (the others are imported).
     */
    @PostMapping(value = "/postmortems/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<List<ImportResult>> importFiles(
            Actor actor,
            @RequestParam("files") List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean asNew)
            throws IOException {
        List<ImportResult> results = new ArrayList<>();
        for (MultipartFile file : files) {
            results.add(importOne(
                    importer,
                    actor,
                    file.getOriginalFilename(),
                    new String(file.getBytes(), StandardCharsets.UTF_8),
                    asNew));
        }
        return answer(results);
    }

    @PostMapping(
            value = "/postmortems/import",
            consumes = {"text/markdown", "text/plain", "application/octet-stream"})
    ResponseEntity<List<ImportResult>> importBody(
            Actor actor,
            @RequestBody byte[] body,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "false") boolean asNew) {
        return answer(List.of(importOne(importer, actor, name, new String(body, StandardCharsets.UTF_8), asNew)));
    }

    static ImportResult importOne(PostmortemImport importer, Actor actor, String name, String text, boolean asNew) {
        try {
            return importer.importFile(actor, name, text, asNew);
        } catch (InvalidInputException e) {
            return new ImportResult(name, null, false, null, e.errors());
        } catch (dev.hindsight.shared.ConflictException e) {
            return new ImportResult(name, null, false, null, List.of(new FieldError("file", e.getMessage())));
        }
    }

    private static ResponseEntity<List<ImportResult>> answer(List<ImportResult> results) {
        boolean allOk = results.stream().allMatch(ImportResult::ok);
        return ResponseEntity.status(allOk ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(results);
    }

    @GetMapping("/postmortem-templates")
    List<TemplateView> templates() {
        return templates.list().stream().map(TemplateView::of).toList();
    }

    @PostMapping("/postmortem-templates")
    ResponseEntity<TemplateView> createTemplate(Actor actor, @RequestBody TemplateBody body) {
        PostmortemTemplate created = templates.create(actor, body.toForm());
        return ResponseEntity.created(URI.create("/api/v1/postmortem-templates/" + created.id()))
                .eTag(ExpectedVersion.etag(created.version()))
                .body(TemplateView.of(created));
    }

    @PutMapping("/postmortem-templates/{id}")
    ResponseEntity<TemplateView> updateTemplate(
            Actor actor,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody TemplateBody body) {
        PostmortemTemplate saved =
                templates.update(actor, id, body.toForm(), ExpectedVersion.from(ifMatch, body.version()));
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(saved.version())).body(TemplateView.of(saved));
    }

    @DeleteMapping("/postmortem-templates/{id}")
    ResponseEntity<Void> deleteTemplate(Actor actor, @PathVariable long id) {
        templates.remove(actor, id);
        return ResponseEntity.noContent().build();
    }
}
