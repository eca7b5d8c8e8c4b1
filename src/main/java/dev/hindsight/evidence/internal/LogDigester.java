package dev.hindsight.evidence.internal;

import dev.hindsight.engines.logmining.LogMining;
import dev.hindsight.engines.logmining.LogTemplate;
import dev.hindsight.engines.logmining.TemplateMiner;
import dev.hindsight.engines.logs.BinaryLogException;
import dev.hindsight.engines.logs.LogFormat;
import dev.hindsight.engines.logs.ParseOptions;
import dev.hindsight.engines.logs.ParseStats;
import dev.hindsight.evidence.LogDigest;
import dev.hindsight.shared.InvalidInputException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/** Reads a stored log once, streaming, through the log parser and the template miner. */
public final class LogDigester {

    private LogDigester() {}

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
        ParseOptions options = ParseOptions.defaults()
                .withFormat(format == null ? "auto" : format)
                .withZone(zone)
                .withReferenceDate(referenceDate);
        TemplateMiner miner = new TemplateMiner();
        ParseStats stats;
        try {
            stats = LogMining.run(log, options, miner, (record, shape) -> {});
        } catch (BinaryLogException e) {
            throw new InvalidInputException("file", "is not a text log: " + e.getMessage());
        }
        List<LogDigest.Template> templates = miner.templates().stream()
                .sorted(Comparator.comparingLong(LogTemplate::count).reversed().thenComparingInt(LogTemplate::id))
                .map(t -> new LogDigest.Template(
                        t.id(), t.template(), t.count(), t.firstSeen(), t.lastSeen(), t.examples()))
                .toList();
        return new LogDigest(
                stats.format().formatName(),
                stats.lines(),
                stats.parsed(),
                stats.unparsed(),
                stats.continuationLines(),
                stats.unparsedExamples().stream()
                        .map(u -> u.lineNumber() + ": " + u.text())
                        .toList(),
                templates);
    }
}
