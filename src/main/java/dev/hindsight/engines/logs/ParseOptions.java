package dev.hindsight.engines.logs;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How to parse a log.
 *
 * @param format a format name or alias of {@link LogFormat}, or {@code auto} to detect it; never null
 * @param zone the zone of timestamps written without an offset, never null
 * @param referenceDate for formats without a year: the first record gets the latest year that does not put it more
 *     than a day after this date (used when {@code startYear} is null); never null
 * @param startYear for formats without a year: the year of the first record, or null to infer it from
 *     {@code referenceDate}
 * @param sampleLines how many leading lines format detection looks at, at least 1
 */
public record ParseOptions(String format, ZoneId zone, LocalDate referenceDate, Integer startYear, int sampleLines) {

    /** Validates the options; throws IllegalArgumentException for an unknown format or a non-positive sample. */
    public ParseOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(referenceDate, "referenceDate");
        if (!format.equalsIgnoreCase("auto")) {
            LogFormat.byName(format);
        }
        if (sampleLines < 1) {
            throw new IllegalArgumentException("sampleLines must be at least 1, got " + sampleLines);
        }
    }

    /** Auto-detected format, UTC, today (UTC) as reference date, no start year, 200 sample lines. */
    public static ParseOptions defaults() {
        return new ParseOptions("auto", ZoneOffset.UTC, LocalDate.now(ZoneOffset.UTC), null, 200);
    }

    /** A copy with another format name ({@code auto} to detect). */
    public ParseOptions withFormat(String name) {
        return new ParseOptions(name, zone, referenceDate, startYear, sampleLines);
    }

    /** A copy with another default zone. */
    public ParseOptions withZone(ZoneId newZone) {
        return new ParseOptions(format, newZone, referenceDate, startYear, sampleLines);
    }

    /** A copy with another reference date for year inference. */
    public ParseOptions withReferenceDate(LocalDate date) {
        return new ParseOptions(format, zone, date, startYear, sampleLines);
    }

    /** A copy whose first yearless record is placed in {@code year} (null to infer from the reference date). */
    public ParseOptions withStartYear(Integer year) {
        return new ParseOptions(format, zone, referenceDate, year, sampleLines);
    }

    /** Whether the format is detected rather than given. */
    public boolean detectsFormat() {
        return format.equalsIgnoreCase("auto");
    }
}
