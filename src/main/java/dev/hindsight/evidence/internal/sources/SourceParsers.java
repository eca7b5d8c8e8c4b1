package dev.hindsight.evidence.internal.sources;

import dev.hindsight.evidence.EvidenceKind;
import dev.hindsight.evidence.ParseSummary;
import dev.hindsight.evidence.internal.EventDraft;
import dev.hindsight.shared.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads alert, chat, deploy and metric evidence into events. Formats per kind (auto-detected when none is named):
 * alert: {@code alertmanager}, {@code grafana}, {@code pagerduty}, {@code opsgenie}; chat: {@code slack}; deploy:
 * {@code github}, {@code csv}; metric: {@code csv}, {@code prometheus}. Items that cannot be read are counted with
 * examples and never fail the upload; a JSON format whose content is not JSON at all is rejected.
 */
public final class SourceParsers {

    /** JSON evidence is read into memory; larger files must be split. */
    public static final int MAX_JSON_BYTES = 64 * 1024 * 1024;

    private static final Map<EvidenceKind, List<String>> FORMATS = Map.of(
            EvidenceKind.ALERT, AlertPayloads.FORMATS,
            EvidenceKind.CHAT, List.of("slack"),
            EvidenceKind.DEPLOY, List.of("github", "csv"),
            EvidenceKind.METRIC, List.of("csv", "prometheus"));

    /** What was read: the summary and the events (times as the source's clock said), ordered by time. */
    public record Result(ParseSummary summary, List<EventDraft> events) {}

    private SourceParsers() {}

    /** Whether evidence of this kind is parsed here. */
    public static boolean handles(EvidenceKind kind) {
        return FORMATS.containsKey(kind);
    }

    /** The format names of a kind, for messages and documentation. */
    public static List<String> formats(EvidenceKind kind) {
        return FORMATS.getOrDefault(kind, List.of());
    }

    /** Throws {@link InvalidInputException} when {@code format} (null or {@code auto} to detect) is not one of the kind's. */
    public static void checkFormat(EvidenceKind kind, String format) {
        if (format == null || format.equals("auto") || !handles(kind)) {
            return;
        }
        if (!FORMATS.get(kind).contains(format)) {
            throw new InvalidInputException(
                    "format",
                    "'" + format + "' is not a " + kind.label() + " format; one of auto, "
                            + String.join(", ", FORMATS.get(kind)));
        }
    }

    /**
     * A kind guessed from the start of a JSON file, or null when it does not look like a known payload: used when the
     * person chose no kind and the name does not tell.
     */
    public static EvidenceKind sniff(byte[] prefix, int length) {
        String text = new String(prefix, 0, length, StandardCharsets.UTF_8);
        String start = text.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            return null;
        }
        if (text.contains("\"evalMatches\"")
                || text.contains("\"event_type\"") && text.contains("\"incident")
                || text.contains("\"alertId\"") && text.contains("\"action\"")
                || text.contains("\"alerts\"") && (text.contains("\"groupKey\"") || text.contains("\"receiver\""))) {
            return EvidenceKind.ALERT;
        }
        if (text.contains("\"deployment\"") || text.contains("\"deployment_status\"")) {
            return EvidenceKind.DEPLOY;
        }
        if (text.contains("\"resultType\"")) {
            return EvidenceKind.METRIC;
        }
        if (text.contains("\"ts\"") && (text.contains("\"text\"") || text.contains("\"user\""))) {
            return EvidenceKind.CHAT;
        }
        return null;
    }

    /**
     * Reads {@code content} (closed afterwards) as {@code kind} in {@code format} (null or {@code auto} to detect).
     *
     * @param zone for timestamps without an offset
     * @param received when the evidence arrived: the time of payloads that carry none (Grafana legacy)
     * @throws InvalidInputException when a JSON format's content is not JSON at all, or is too large
     */
    public static Result parse(EvidenceKind kind, String format, InputStream content, ZoneId zone, Instant received) {
        String chosen = format == null || format.equals("auto") ? null : format;
        try (InputStream in = new BufferedInputStream(content, 64 * 1024)) {
            Collected out = new Collected(zone, received, chosen);
            switch (kind) {
                case ALERT -> alerts(in, chosen, out);
                case CHAT -> {
                    out.format = "slack";
                    for (Json.Document doc : Json.documents(json(in), SlackExport.EXPECTED, out.unparsed)) {
                        SlackExport.read(doc, out);
                    }
                }
                case DEPLOY -> {
                    String f = chosen != null ? chosen : (startsLikeJson(in) ? "github" : "csv");
                    out.format = f;
                    if (f.equals("github")) {
                        for (Json.Document doc : Json.documents(json(in), DeployPayloads.EXPECTED_JSON, out.unparsed)) {
                            DeployPayloads.github(doc, out);
                        }
                    } else {
                        DeployPayloads.changesCsv(in, out);
                    }
                }
                case METRIC -> {
                    String f = chosen != null ? chosen : (startsLikeJson(in) ? "prometheus" : "csv");
                    out.format = f;
                    if (f.equals("prometheus")) {
                        MetricSeries.prometheus(
                                Json.documents(json(in), MetricSeries.EXPECTED_JSON, out.unparsed), out);
                    } else {
                        MetricSeries.csv(in, out);
                    }
                }
                default -> throw new IllegalArgumentException(kind + " is not parsed here");
            }
            List<EventDraft> events = out.events.stream()
                    .sorted(Comparator.comparing(EventDraft::at).thenComparingLong(EventDraft::firstLine))
                    .toList();
            return new Result(
                    new ParseSummary(
                            out.format == null ? "unknown" : out.format,
                            out.items,
                            events.size(),
                            out.unparsed.count(),
                            out.unparsed.examples()),
                    events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void alerts(InputStream in, String chosen, Collected out) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        for (Json.Document doc : Json.documents(json(in), AlertPayloads.EXPECTED, out.unparsed)) {
            String detected = AlertPayloads.detect(doc.node());
            if (detected != null) {
                seen.add(chosen != null ? chosen : detected);
            }
            AlertPayloads.read(doc, chosen, out);
        }
        out.format = chosen != null ? chosen : seen.isEmpty() ? "unknown" : String.join("+", seen);
    }

    private static byte[] json(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
        if (bytes.length > MAX_JSON_BYTES) {
            throw new InvalidInputException(
                    "file",
                    "is larger than " + (MAX_JSON_BYTES >> 20) + " MiB, too large for a JSON payload; split it");
        }
        return bytes;
    }

    private static boolean startsLikeJson(InputStream in) throws IOException {
        in.mark(4096);
        try {
            int b;
            int read = 0;
            while ((b = in.read()) != -1 && read++ < 4096) {
                if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
                    continue;
                }
                return b == '{' || b == '[';
            }
            return false;
        } finally {
            in.reset();
        }
    }
}
