package dev.hindsight.postmortem;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentLink;
import dev.hindsight.incident.KeyTimes;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.Durations;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The document in other formats: Markdown with YAML front matter (docs-as-code; {@link PostmortemImport} reads it
 * back), standalone HTML, PDF (with the diagrams) and JSON. Each renders the document with live data as the actor may
 * see it; a hidden incident is a {@code NotFoundException}, exactly as on the page.
 */
@Service
public class PostmortemExports {

    /** Marks the start of a section in exported Markdown, with its key: {@code <!-- section: what-happened -->}. */
    static final String SECTION_MARK = "<!-- section: ";
    /** Encloses a live block's content in exported Markdown; an import skips it (the data lives elsewhere). */
    static final String LIVE_START = "<!-- live: generated from the incident's data; edits here are not imported -->";

    static final String LIVE_END = "<!-- /live -->";
    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static final Logger log = LoggerFactory.getLogger(PostmortemExports.class);

    private final PostmortemDocuments documents;
    private final String fontPath;
    static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();

    PostmortemExports(
            PostmortemDocuments documents,
            @Value("${hindsight.postmortem.pdf-font:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}")
                    String fontPath) {
        this.documents = documents;
        this.fontPath = fontPath;
    }

    /** A file name for the export: {@code INC-12-postmortem.md}. */
    public static String fileName(IncidentId id, String extension) {
        return id.key() + "-postmortem." + extension;
    }

    /** Markdown: YAML front matter with the incident's fields and the section layout, then each section. */
    public String markdown(Actor actor, IncidentId id) {
        return markdown(documents.render(actor, id));
    }

    static String markdown(RenderedPostmortem doc) {
        StringBuilder md = new StringBuilder("---\n");
        md.append(YAML.writeValueAsString(frontMatter(doc)));
        md.append("---\n");
        for (RenderedPostmortem.Part part : doc.parts()) {
            md.append('\n')
                    .append(SECTION_MARK)
                    .append(part.key())
                    .append(" -->\n## ")
                    .append(part.title().replace("\n", " "))
                    .append("\n\n");
            if (part.section().live()) {
                md.append(LIVE_START)
                        .append('\n')
                        .append(part.markdown())
                        .append('\n')
                        .append(LIVE_END)
                        .append('\n');
            } else if (!part.markdown().isEmpty()) {
                md.append(part.markdown()).append('\n');
            }
        }
        return md.toString();
    }

    static Map<String, Object> frontMatter(RenderedPostmortem doc) {
        Incident i = doc.incident();
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("title", i.title());
        fm.put("key", i.key());
        fm.put("severity", i.severity().label());
        fm.put("status", i.status().label());
        fm.put("postmortem_status", doc.document().status().label());
        fm.put("template", doc.document().templateName());
        fm.put("visibility", i.visibility().label());
        fm.put("services", i.serviceNames());
        fm.put("tags", i.tags());
        KeyTimes t = i.keyTimes();
        fm.put("started_at", iso(t.startedAt()));
        fm.put("detected_at", iso(t.detectedAt()));
        fm.put("acknowledged_at", iso(t.acknowledgedAt()));
        fm.put("mitigated_at", iso(t.mitigatedAt()));
        fm.put("resolved_at", iso(t.resolvedAt()));
        fm.put("summary", i.summary());
        fm.put("impact", i.impact().description());
        fm.put("users_affected", i.impact().usersAffected());
        fm.put("error_budget_consumed", i.impact().errorBudgetConsumed());
        List<Map<String, String>> links = new ArrayList<>();
        for (IncidentLink l : i.links()) {
            Map<String, String> link = new LinkedHashMap<>();
            link.put("label", l.label());
            link.put("url", l.url());
            links.add(link);
        }
        fm.put("links", links);
        if (doc.document().sourceRef() != null) {
            fm.put("source", doc.document().sourceRef());
        }
        fm.put("exported_at", iso(doc.renderedAt()));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (RenderedPostmortem.Part part : doc.parts()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("key", part.key());
            s.put("title", part.title());
            s.put("kind", part.section().kind().name().toLowerCase(java.util.Locale.ROOT));
            s.put("required", part.section().required());
            sections.add(s);
        }
        fm.put("sections", sections);
        return fm;
    }

    static String iso(OffsetDateTime time) {
        return time == null ? "" : ISO.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** A standalone, styled XHTML page (no scripts, no outside resources), diagrams inline. */
    public String html(Actor actor, IncidentId id) {
        return html(documents.render(actor, id), true);
    }

    static String html(RenderedPostmortem doc, boolean withDiagrams) {
        Incident i = doc.incident();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\" />\n<title>")
                .append(esc(i.key() + " postmortem: " + i.title()))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(esc(i.title()))
                .append("</h1>\n<p class=\"meta\">")
                .append(esc(i.key() + " · " + i.severity().label() + " · incident "
                        + i.status().label()
                        + " · postmortem " + doc.document().status().label()
                        + (i.services().isEmpty() ? "" : " · " + String.join(", ", i.serviceNames()))))
                .append("</p>\n<p class=\"meta\">")
                .append(esc("TTD " + Durations.human(i.keyTimes().timeToDetect()) + " · TTA "
                        + Durations.human(i.keyTimes().timeToAcknowledge()) + " · TTM "
                        + Durations.human(i.keyTimes().timeToMitigate()) + " · TTR "
                        + Durations.human(i.keyTimes().timeToResolve())))
                .append("</p>\n");
        for (RenderedPostmortem.Part part : doc.parts()) {
            h.append("<section id=\"")
                    .append(esc(part.key()))
                    .append("\">\n<h2>")
                    .append(esc(part.title()))
                    .append("</h2>\n");
            if (part.html().isEmpty()) {
                h.append("<p class=\"empty\">Not written yet.</p>\n");
            } else {
                h.append(part.html());
            }
            for (RenderedPostmortem.Diagram d : part.diagrams()) {
                h.append("<figure><figcaption>").append(esc(d.title())).append("</figcaption>\n");
                if (withDiagrams && wellFormed(d.svg())) {
                    h.append(stripXmlDeclaration(d.svg()));
                } else {
                    h.append("<p class=\"empty\">(diagram not available in this format)</p>");
                }
                h.append("</figure>\n");
            }
            h.append("</section>\n");
        }
        h.append("<p class=\"meta\">Exported ")
                .append(esc(LiveBlocks.time(doc.renderedAt())))
                .append(" from Hindsight.</p>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * The PDF of the HTML export, in DejaVu Sans when that font is installed (for non-ASCII text) and the PDF
     * renderer's built-in font otherwise. When the diagrams cannot be drawn, the PDF is made without them.
     */
    public byte[] pdf(Actor actor, IncidentId id) {
        RenderedPostmortem doc = documents.render(actor, id);
        try {
            return pdf(html(doc, true));
        } catch (RuntimeException | IOException e) {
            log.warn("PDF of {} with diagrams failed ({}); making it without them", id, e.toString());
            try {
                return pdf(html(doc, false));
            } catch (IOException again) {
                throw new IllegalStateException("Could not make the PDF of " + id, again);
            }
        }
    }

    /** The PDF with the diagrams drawn, failing rather than leaving them out (for tests). */
    byte[] pdfWithDiagrams(Actor actor, IncidentId id) throws IOException {
        return pdf(html(documents.render(actor, id), true));
    }

    private byte[] pdf(String xhtml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useSVGDrawer(new BatikSVGDrawer());
        File font = fontPath == null ? null : new File(fontPath);
        if (font != null && font.isFile()) {
            builder.useFont(font, "DejaVu Sans");
        }
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }

    /** The document as data: fields, key times and durations, each section's Markdown and HTML. */
    public PostmortemJson json(Actor actor, IncidentId id) {
        RenderedPostmortem doc = documents.render(actor, id);
        Incident i = doc.incident();
        KeyTimes t = i.keyTimes();
        Map<String, String> times = new LinkedHashMap<>();
        t.asMap().forEach((k, v) -> times.put(k, v == null ? null : iso(v)));
        Map<String, Long> durations = new LinkedHashMap<>();
        durations.put(
                "ttdSeconds", t.timeToDetect() == null ? null : t.timeToDetect().toSeconds());
        durations.put(
                "ttaSeconds",
                t.timeToAcknowledge() == null ? null : t.timeToAcknowledge().toSeconds());
        durations.put(
                "ttmSeconds",
                t.timeToMitigate() == null ? null : t.timeToMitigate().toSeconds());
        durations.put(
                "ttrSeconds",
                t.timeToResolve() == null ? null : t.timeToResolve().toSeconds());
        return new PostmortemJson(
                i.key(),
                i.title(),
                i.severity().label(),
                i.status().label(),
                doc.document().status().label(),
                doc.document().templateName(),
                doc.document().version(),
                i.serviceNames(),
                i.tags(),
                times,
                durations,
                doc.parts().stream()
                        .map(p -> new PostmortemJson.SectionJson(
                                p.key(),
                                p.title(),
                                p.section().kind().name().toLowerCase(java.util.Locale.ROOT),
                                p.section().required(),
                                p.markdown(),
                                p.html()))
                        .toList(),
                iso(doc.renderedAt()));
    }

    /** The JSON export. */
    public record PostmortemJson(
            String key,
            String title,
            String severity,
            String status,
            String postmortemStatus,
            String template,
            int version,
            List<String> services,
            List<String> tags,
            Map<String, String> keyTimes,
            Map<String, Long> durations,
            List<SectionJson> sections,
            String exportedAt) {

        public record SectionJson(
                String key, String title, String kind, boolean required, String markdown, String html) {}
    }

    static boolean wellFormed(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String stripXmlDeclaration(String svg) {
        return svg.replaceFirst("^\\s*<\\?xml[^>]*\\?>\\s*", "");
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("\u0000", "");
    }

    private static final String CSS = """
            body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: #1d2430; max-width: 52em;
              margin: 2em auto; padding: 0 1em; line-height: 1.45; font-size: 11pt; }
            h1 { font-size: 20pt; margin-bottom: 0.2em; }
            h2 { font-size: 14pt; border-bottom: 1px solid #d5dae1; padding-bottom: 0.2em; margin-top: 1.6em; }
            .meta { color: #5b6472; font-size: 9.5pt; margin: 0.2em 0; }
            .empty { color: #8a929e; font-style: italic; }
            table { border-collapse: collapse; margin: 0.6em 0; }
            th, td { border: 1px solid #d5dae1; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f2f4f7; }
            code, pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 9.5pt; background: #f5f6f8; }
            pre { padding: 0.6em; white-space: pre-wrap; }
            figure { margin: 1em 0; }
            figcaption { font-weight: bold; margin-bottom: 0.4em; }
            svg { max-width: 100%; height: auto; }
            """;
}
