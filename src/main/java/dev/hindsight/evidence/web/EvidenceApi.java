package dev.hindsight.evidence.web;

import dev.hindsight.evidence.Evidence;
import dev.hindsight.evidence.EvidenceChange;
import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.evidence.EvidenceUpload;
import dev.hindsight.evidence.Ingested;
import dev.hindsight.evidence.LogDigest;
import dev.hindsight.evidence.ParseSummary;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence under {@code /api/v1/incidents/{key}/evidence}. Uploads come as multipart ({@code file} part) or as the
 * raw request body ({@code application/octet-stream}, name and description in the query), streamed to the store
 * either way. An upload of bytes already on the incident answers 200 with {@code alreadyAttached: true}; a new one
 * 201.
 */
@RestController
@RequestMapping("/api/v1/incidents/{key}/evidence")
class EvidenceApi {

    private final EvidenceCollection evidence;

    EvidenceApi(EvidenceCollection evidence) {
        this.evidence = evidence;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<EvidenceView> uploadMultipart(
            Actor actor,
            @PathVariable String key,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) Integer clockOffsetSeconds,
            @RequestParam(required = false) String format)
            throws IOException {
        EvidenceUpload upload = new EvidenceUpload(
                name == null || name.isBlank() ? file.getOriginalFilename() : name,
                kind,
                zone,
                clockOffsetSeconds,
                format);
        try (InputStream content = file.getInputStream()) {
            return answer(evidence.attach(actor, id(key), upload, content));
        }
    }

    @PostMapping(consumes = {MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<EvidenceView> uploadRaw(
            Actor actor,
            @PathVariable String key,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) Integer clockOffsetSeconds,
            @RequestParam(required = false) String format,
            HttpServletRequest request)
            throws IOException {
        EvidenceUpload upload = new EvidenceUpload(name, kind, zone, clockOffsetSeconds, format);
        try (InputStream content = request.getInputStream()) {
            return answer(evidence.attach(actor, id(key), upload, content));
        }
    }

    @GetMapping
    List<EvidenceView> list(Actor actor, @PathVariable String key) {
        return evidence.list(actor, id(key)).stream().map(EvidenceView::of).toList();
    }

    @GetMapping("/{id}")
    EvidenceView get(Actor actor, @PathVariable String key, @PathVariable long id) {
        return EvidenceView.of(evidence.get(actor, id(key), id));
    }

    @GetMapping("/{id}/templates")
    LogDigest templates(Actor actor, @PathVariable String key, @PathVariable long id) {
        return evidence.logDigest(actor, id(key), id)
                .orElseThrow(() -> new NotFoundException("Evidence " + id + " is not a log, so it has no templates"));
    }

    @GetMapping("/{id}/parse")
    ParseSummary parse(Actor actor, @PathVariable String key, @PathVariable long id) {
        return evidence.parseSummary(actor, id(key), id)
                .orElseThrow(() -> new NotFoundException(
                        "Evidence " + id + " has no parse summary (logs have templates; statements and other files"
                                + " are not parsed)"));
    }

    /** A range of raw lines, for drilling down from an event to where it came from. */
    record RawLines(long evidenceId, long from, List<Line> lines) {
        record Line(long number, String text) {}
    }

    @GetMapping("/{id}/lines")
    RawLines lines(
            Actor actor,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(defaultValue = "1") long from,
            @RequestParam(required = false) Long to) {
        long last = to == null ? from + 99 : to;
        List<String> lines = evidence.rawLines(actor, id(key), id, from, last);
        List<RawLines.Line> numbered = new java.util.ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            numbered.add(new RawLines.Line(from + i, lines.get(i)));
        }
        return new RawLines(id, from, numbered);
    }

    @GetMapping("/{id}/raw")
    void raw(Actor actor, @PathVariable String key, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        Evidence found = evidence.get(actor, id(key), id);
        try (InputStream in = evidence.open(actor, id(key), id)) {
            response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
            response.setContentLengthLong(found.size());
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(found.name(), StandardCharsets.UTF_8)
                            .build()
                            .toString());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(HttpHeaders.ETAG, "\"" + found.sha256() + "\"");
            try (OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }

    @PatchMapping("/{id}")
    EvidenceView update(
            Actor actor, @PathVariable String key, @PathVariable long id, @RequestBody EvidenceChange change) {
        return EvidenceView.of(evidence.update(actor, id(key), id, change));
    }

    private static ResponseEntity<EvidenceView> answer(Ingested ingested) {
        Evidence e = ingested.evidence();
        URI location = URI.create("/api/v1/incidents/" + e.incident().key() + "/evidence/" + e.id());
        if (ingested.alreadyAttached()) {
            return ResponseEntity.ok()
                    .location(location)
                    .body(EvidenceView.of(
                            e,
                            true,
                            "These bytes are already attached to "
                                    + e.incident().key() + " as " + e.name()));
        }
        return ResponseEntity.created(location).body(EvidenceView.of(e, false, null));
    }

    static IncidentId id(String key) {
        return IncidentId.fromKey(key);
    }
}
