package dev.hindsight.timeline.web;

import dev.hindsight.timeline.Note;
import dev.hindsight.timeline.Statement;
import dev.hindsight.timeline.TimelineEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The timeline as CSV (RFC 4180, by Apache Commons CSV) and as Markdown; times in UTC, ISO-8601. */
final class TimelineDocuments {

    static final List<String> CSV_HEADER = List.of(
            "ref",
            "time_utc",
            "kind",
            "source",
            "status",
            "key_moment",
            "text",
            "original_text",
            "notes",
            "merged_into",
            "absorbed",
            "evidence_id",
            "seq",
            "first_line",
            "last_line",
            "version");

    private static final DateTimeFormatter MD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TimelineDocuments() {}

    static String csv(List<TimelineEntry> entries) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(CSV_HEADER.toArray(String[]::new))
                .get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (TimelineEntry e : entries) {
                printer.printRecord(
                        e.ref(),
                        utc(e.at()),
                        e.kind(),
                        safe(e.source()),
                        e.status().label(),
                        e.keyMoment() == null ? "" : e.keyMoment().label(),
                        safe(e.text()),
                        safe(e.originalText()),
                        safe(e.notes().stream()
                                .map(n -> n.author() + ": " + n.text())
                                .collect(Collectors.joining("\n"))),
                        e.mergedInto() == null ? "" : e.mergedInto(),
                        String.join(" ", e.absorbed()),
                        e.evidenceId() == null ? "" : e.evidenceId(),
                        e.seq() == null ? "" : e.seq(),
                        e.firstLine() > 0 ? e.firstLine() : "",
                        e.lastLine() > 0 ? e.lastLine() : "",
                        e.version());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String markdown(String key, String title, List<TimelineEntry> entries, List<Statement> statements) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(key).append(" timeline: ").append(inline(title)).append("\n\n");
        md.append("Times in UTC.\n\n");
        md.append("| Time (UTC) | Entry | Kind | Source | Status | Key moment |\n");
        md.append("| --- | --- | --- | --- | --- | --- |\n");
        for (TimelineEntry e : entries) {
            md.append("| ")
                    .append(e.at().withOffsetSameInstant(ZoneOffset.UTC).format(MD_TIME))
                    .append(" | ")
                    .append(cell(e.text()));
            for (Note n : e.notes()) {
                md.append("<br>_")
                        .append(cell(n.author()))
                        .append(": ")
                        .append(cell(n.text()))
                        .append("_");
            }
            md.append(" | ")
                    .append(e.kind())
                    .append(" | ")
                    .append(cell(e.source()))
                    .append(" | ")
                    .append(e.status().label())
                    .append(e.mergedInto() == null ? "" : " into " + e.mergedInto())
                    .append(" | ")
                    .append(e.keyMoment() == null ? "" : "**" + e.keyMoment().label() + "**")
                    .append(" |\n");
        }
        if (!statements.isEmpty()) {
            md.append("\n## Statements\n");
            for (Statement s : statements) {
                md.append("\n### ")
                        .append(inline(s.author()))
                        .append(", about ")
                        .append(s.times().stream()
                                .map(t ->
                                        t.withOffsetSameInstant(ZoneOffset.UTC).format(MD_TIME))
                                .collect(Collectors.joining(", ")))
                        .append(" UTC\n\n");
                for (String line : s.text().split("\\R")) {
                    md.append("> ").append(line).append('\n');
                }
                if (!s.linkedEntries().isEmpty()) {
                    md.append("\nLinked entries: ")
                            .append(String.join(", ", s.linkedEntries()))
                            .append('\n');
                }
            }
        }
        return md.toString();
    }

    private static String utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }

    /** A leading =, +, -, @ or tab gets a ' so spreadsheets do not run the cell as a formula. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        return !text.isEmpty() && "=+-@\t".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String cell(String text) {
        return text == null
                ? ""
                : text.replace("\\", "\\\\")
                        .replace("|", "\\|")
                        .replace("<", "&lt;")
                        .replaceAll("\\R", "<br>");
    }

    private static String inline(String text) {
        return text == null ? "" : text.replaceAll("\\R", " ");
    }
}
