package dev.hindsight.evidence.internal;

import dev.hindsight.engines.logmining.BurstDetector;
import dev.hindsight.engines.logmining.LogMining;
import dev.hindsight.engines.logmining.LogTemplate;
import dev.hindsight.engines.logmining.TemplateMiner;
import dev.hindsight.engines.logs.BinaryLogException;
import dev.hindsight.engines.logs.LogFormat;
import dev.hindsight.engines.logs.LogRecord;
import dev.hindsight.engines.logs.ParseOptions;
import dev.hindsight.engines.logs.ParseStats;
import dev.hindsight.evidence.EvidenceEventKind;
import dev.hindsight.evidence.LogDigest;
import dev.hindsight.shared.InvalidInputException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a stored log once, streaming, through the log parser and the template miner, and derives its events:
 *
 * <ul>
 *   <li>{@code LOG_NEW_TEMPLATE}: the first occurrence of a template (at its first timestamp, from its first line).
 *       When the incident has a window (started or detected, to resolved or mitigated), only templates first seen
 *       within that window widened by {@link #NEAR} either way, at most {@value #MAX_NEW_TEMPLATES} (the rarest);
 *       otherwise the {@value #RAREST_WITHOUT_WINDOW} rarest templates (newest first among equally rare).
 *   <li>{@code LOG_BURST}: bursts of error-level templates (ERROR, FATAL, CRITICAL, WARN, SEVERE, ALERT, EMERG,
 *       PANIC and their short forms) found by {@link BurstDetector#defaults()} (one-minute buckets), with the lines
 *       of the burst's first and last bucket; at most {@value #MAX_BURSTS}, the largest.
 * </ul>
 *
 * Memory grows with the number of message shapes and of busy error buckets (capped), not with the file size.
 */
public final class LogDigester {

    /** How far from the incident window a new template still counts as near it. */
    public static final Duration NEAR = Duration.ofHours(1);

    static final int MAX_NEW_TEMPLATES = 200;
    static final int RAREST_WITHOUT_WINDOW = 50;
    static final int MAX_BURSTS = 100;
    private static final int MAX_BUSY_BUCKETS = 100_000;

    private LogDigester() {}

    /** The digest and the events derived from the log (times as the log's clock said). */
    public record Result(LogDigest digest, List<EventDraft> events) {}

    /**
     * The part of the incident around which new templates are proposed, as the log's clock would say it; both ends
     * null when the incident has no times.
     */
    public record Window(Instant from, Instant to) {

        public static final Window NONE = new Window(null, null);

        boolean contains(Instant at) {
            return from != null && !at.isBefore(from.minus(NEAR)) && !at.isAfter(to.plus(NEAR));
        }
    }

    /** Throws {@link InvalidInputException} when {@code format} names no known log format (null means detect). */
    public static void checkFormat(String format) {
        if (format != null && !format.equals("auto")) {
            try {
                LogFormat.byName(format);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("format", e.getMessage());
            }
        }
    }

    /**
     * Parses and mines {@code log}, which is closed afterwards.
     *
     * @param referenceDate the incident's date, to give yearless timestamps their year
     */
    public static LogDigest digest(InputStream log, String format, ZoneId zone, LocalDate referenceDate) {
        return digest(log, format, zone, referenceDate, Window.NONE).digest();
    }

    /** Parses and mines {@code log} (closed afterwards) and derives its events; see the class comment. */
    public static Result digest(InputStream log, String format, ZoneId zone, LocalDate referenceDate, Window window) {
        ParseOptions options = ParseOptions.defaults()
                .withFormat(format == null ? "auto" : format)
                .withZone(zone)
                .withReferenceDate(referenceDate);
        TemplateMiner miner = new TemplateMiner();
        Tracker tracker = new Tracker();
        ParseStats stats;
        try {
            stats = LogMining.run(log, options, miner, tracker::accept);
        } catch (BinaryLogException e) {
            throw new InvalidInputException("file", "is not a text log: " + e.getMessage());
        }
        List<LogTemplate> mined = miner.templates();
        List<LogDigest.Template> templates = mined.stream()
                .sorted(Comparator.comparingLong(LogTemplate::count).reversed().thenComparingInt(LogTemplate::id))
                .map(t -> new LogDigest.Template(
                        t.id(), t.template(), t.count(), t.firstSeen(), t.lastSeen(), t.examples()))
                .toList();
        LogDigest digest = new LogDigest(
                stats.format().formatName(),
                stats.lines(),
                stats.parsed(),
                stats.unparsed(),
                stats.continuationLines(),
                stats.unparsedExamples().stream()
                        .map(u -> u.lineNumber() + ": " + u.text())
                        .toList(),
                templates);
        List<EventDraft> events = new ArrayList<>();
        Map<Integer, LogTemplate> byId = new HashMap<>();
        mined.forEach(t -> byId.put(t.id(), t));
        Map<Integer, long[]> firstLines = tracker.firstLines(miner);
        newTemplates(mined, firstLines, tracker, window, digest.format(), events);
        bursts(tracker, miner, byId, digest.format(), events);
        events.sort(Comparator.comparing(EventDraft::at).thenComparingLong(EventDraft::firstLine));
        return new Result(digest, events);
    }

    private static void newTemplates(
            List<LogTemplate> mined,
            Map<Integer, long[]> firstLines,
            Tracker tracker,
            Window window,
            String format,
            List<EventDraft> events) {
        List<LogTemplate> chosen;
        Comparator<LogTemplate> rarest = Comparator.comparingLong(LogTemplate::count)
                .thenComparing(LogTemplate::firstSeen, Comparator.reverseOrder())
                .thenComparingInt(LogTemplate::id);
        List<LogTemplate> timed =
                mined.stream().filter(t -> t.firstSeen() != null).toList();
        if (window.from() != null) {
            chosen = timed.stream()
                    .filter(t -> window.contains(t.firstSeen()))
                    .sorted(rarest)
                    .limit(MAX_NEW_TEMPLATES)
                    .toList();
        } else {
            chosen = timed.stream().sorted(rarest).limit(RAREST_WITHOUT_WINDOW).toList();
        }
        for (LogTemplate t : chosen) {
            long[] first = firstLines.getOrDefault(t.id(), new long[] {0, 0, -1});
            String level = first[2] < 0 ? null : tracker.levels.get((int) first[2]);
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("template", Integer.toString(t.id()));
            attributes.put("count", Long.toString(t.count()));
            attributes.put("format", format);
            if (level != null) {
                attributes.put("level", level);
            }
            events.add(new EventDraft(
                    t.firstSeen(),
                    EvidenceEventKind.LOG_NEW_TEMPLATE,
                    cut("New log message: " + t.template(), 300),
                    t.examples().isEmpty() ? null : cut(t.examples().getFirst(), 4000),
                    first[0],
                    first[1],
                    attributes));
        }
    }

    private static void bursts(
            Tracker tracker,
            TemplateMiner miner,
            Map<Integer, LogTemplate> templates,
            String format,
            List<EventDraft> events) {
        tracker.closeAll();
        Map<String, BurstDetector.Burst> largest = new LinkedHashMap<>();
        Map<String, Integer> shapeOf = new HashMap<>();
        for (BurstDetector.Burst b : tracker.detector.finish()) {
            int template = miner.templateIdOf(b.templateId());
            String key = template + "@" + b.start();
            BurstDetector.Burst kept = largest.get(key);
            if (kept == null || b.count() > kept.count()) {
                largest.put(key, b);
                shapeOf.put(key, b.templateId());
            }
        }
        List<Map.Entry<String, BurstDetector.Burst>> chosen = largest.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, BurstDetector.Burst> e) ->
                                e.getValue().count())
                        .reversed())
                .limit(MAX_BURSTS)
                .toList();
        for (var entry : chosen) {
            BurstDetector.Burst b = entry.getValue();
            int shape = b.templateId();
            LogTemplate t = templates.get(miner.templateIdOf(shape));
            long startBucket = Math.floorDiv(b.start().toEpochMilli(), Tracker.BUCKET_MILLIS);
            long endBucket = Math.floorDiv(b.end().toEpochMilli(), Tracker.BUCKET_MILLIS) - 1;
            long[] first = tracker.busy.get(Tracker.key(shape, startBucket));
            long[] last = tracker.busy.get(Tracker.key(shape, endBucket));
            String level = tracker.levels.get(shape);
            long minutes = Math.max(1, Duration.between(b.start(), b.end()).toMinutes());
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("template", Integer.toString(t.id()));
            attributes.put("count", Long.toString(b.count()));
            attributes.put("peakPerMinute", Long.toString(b.peakPerBucket()));
            attributes.put("baselinePerMinute", String.format(java.util.Locale.ROOT, "%.1f", b.baselinePerBucket()));
            attributes.put("end", b.end().toString());
            attributes.put("format", format);
            if (level != null) {
                attributes.put("level", level);
            }
            events.add(new EventDraft(
                    b.start(),
                    EvidenceEventKind.LOG_BURST,
                    cut("Burst of " + (level == null ? "error" : level) + " messages: " + t.template(), 300),
                    b.count() + " occurrences in " + minutes + " min (peak " + b.peakPerBucket()
                            + " per minute, before about "
                            + String.format(java.util.Locale.ROOT, "%.1f", b.baselinePerBucket()) + " per minute)",
                    first == null ? 0 : first[0],
                    last == null ? (first == null ? 0 : first[1]) : last[1],
                    attributes));
        }
    }

    /** Keeps, per shape, the first record's lines and level, and feeds error-level records to the burst detector. */
    private static final class Tracker {

        static final long BUCKET_MILLIS = 60_000;

        final BurstDetector detector = BurstDetector.defaults();
        final Map<Long, long[]> busy = new HashMap<>();
        final List<String> levels = new ArrayList<>();
        long[] firstLine = new long[256];
        long[] lastLineOfFirst = new long[256];
        int shapes;
        long[] bucket = new long[256];
        long[] bucketFirst = new long[256];
        long[] bucketLast = new long[256];
        int[] bucketCount = new int[256];

        void accept(LogRecord record, int shape) {
            if (shape >= shapes) {
                grow(shape + 1);
                for (int s = shapes; s <= shape; s++) {
                    firstLine[s] = 0;
                    levels.add(null);
                    bucket[s] = Long.MIN_VALUE;
                }
                shapes = shape + 1;
                firstLine[shape] = record.lineNumber();
                lastLineOfFirst[shape] = record.lineNumber() + record.lineCount() - 1;
                levels.set(shape, record.level());
            } else if (firstLine[shape] == 0) {
                firstLine[shape] = record.lineNumber();
                lastLineOfFirst[shape] = record.lineNumber() + record.lineCount() - 1;
                levels.set(shape, record.level());
            }
            Instant time = record.timestamp();
            if (time == null || !errorLevel(record.level())) {
                return;
            }
            detector.observe(shape, time);
            long b = Math.floorDiv(time.toEpochMilli(), BUCKET_MILLIS);
            long last = record.lineNumber() + record.lineCount() - 1;
            if (b != bucket[shape]) {
                close(shape);
                bucket[shape] = b;
                bucketFirst[shape] = record.lineNumber();
                bucketCount[shape] = 0;
            }
            bucketLast[shape] = last;
            bucketCount[shape]++;
        }

        private void close(int shape) {
            if (bucket[shape] != Long.MIN_VALUE && bucketCount[shape] >= 20 && busy.size() < MAX_BUSY_BUCKETS) {
                busy.putIfAbsent(key(shape, bucket[shape]), new long[] {bucketFirst[shape], bucketLast[shape]});
            }
        }

        void closeAll() {
            for (int s = 0; s < shapes; s++) {
                close(s);
            }
        }

        static long key(int shape, long bucket) {
            return ((long) shape << 32) ^ (bucket & 0xffffffffL);
        }

        private void grow(int needed) {
            if (needed <= firstLine.length) {
                return;
            }
            int size = Math.max(needed, firstLine.length * 2);
            firstLine = Arrays.copyOf(firstLine, size);
            lastLineOfFirst = Arrays.copyOf(lastLineOfFirst, size);
            bucket = Arrays.copyOf(bucket, size);
            bucketFirst = Arrays.copyOf(bucketFirst, size);
            bucketLast = Arrays.copyOf(bucketLast, size);
            bucketCount = Arrays.copyOf(bucketCount, size);
        }

        /** Per template: its first line, the last line of that record, and the shape it was seen in. */
        Map<Integer, long[]> firstLines(TemplateMiner miner) {
            Map<Integer, long[]> result = new HashMap<>();
            for (int s = 0; s < shapes; s++) {
                if (firstLine[s] == 0) {
                    continue;
                }
                int template = miner.templateIdOf(s);
                long[] known = result.get(template);
                if (known == null || firstLine[s] < known[0]) {
                    result.put(template, new long[] {firstLine[s], lastLineOfFirst[s], s});
                }
            }
            return result;
        }
    }

    static boolean errorLevel(String level) {
        if (level == null || level.isEmpty()) {
            return false;
        }
        char c = Character.toUpperCase(level.charAt(0));
        if ("EFCWSPA".indexOf(c) < 0) {
            return false;
        }
        return switch (level.toUpperCase(java.util.Locale.ROOT)) {
            case "ERROR",
                    "ERR",
                    "E",
                    "FATAL",
                    "F",
                    "CRITICAL",
                    "CRIT",
                    "C",
                    "WARN",
                    "WARNING",
                    "W",
                    "SEVERE",
                    "PANIC",
                    "ALERT",
                    "EMERG",
                    "EMERGENCY" -> true;
            default -> false;
        };
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
