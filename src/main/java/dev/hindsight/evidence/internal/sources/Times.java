package dev.hindsight.evidence.internal.sources;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the timestamps found in payloads and CSV files: RFC 3339 / ISO 8601 with or without offset (without one, in
 * the evidence's zone), {@code yyyy-MM-dd HH:mm[:ss[.f]]}, and epoch numbers in seconds, milliseconds, microseconds
 * or nanoseconds (told apart by magnitude; always UTC). Go's zero time ({@code 0001-01-01T00:00:00Z}) means "no time".
 */
final class Times {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,20}(\\.\\d{1,12})?");
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, false)
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private Times() {}

    /** The instant {@code text} names, or null when it is blank, Go's zero time, or not a time. */
    static Instant parse(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (NUMBER.matcher(t).matches()) {
            try {
                return epoch(new BigDecimal(t));
            } catch (ArithmeticException | DateTimeException e) {
                return null;
            }
        }
        try {
            TemporalAccessor parsed = LOCAL.parse(t.replace(',', '.'));
            LocalDateTime local = LocalDateTime.from(parsed);
            Instant instant = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? OffsetDateTime.of(
                                    local, java.time.ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                            .toInstant()
                    : local.atZone(zone).toInstant();
            return zero(instant) ? null : instant;
        } catch (DateTimeException e) {
            try {
                return LocalDate.parse(t).atStartOfDay(zone).toInstant();
            } catch (DateTimeException notADate) {
                return null;
            }
        }
    }

    /** An epoch number: seconds below 10^11, milliseconds below 10^14, microseconds below 10^17, else nanoseconds. */
    static Instant epoch(BigDecimal value) {
        BigDecimal abs = value.abs();
        BigDecimal nanos;
        if (abs.compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0) {
            nanos = value.movePointRight(9);
        } else if (abs.compareTo(BigDecimal.valueOf(100_000_000_000_000L)) < 0) {
            nanos = value.movePointRight(6);
        } else if (abs.compareTo(BigDecimal.valueOf(100_000_000_000_000_000L)) < 0) {
            nanos = value.movePointRight(3);
        } else {
            nanos = value;
        }
        java.math.BigInteger[] split =
                nanos.toBigInteger().divideAndRemainder(java.math.BigInteger.valueOf(1_000_000_000L));
        long seconds = split[0].longValueExact();
        long rest = split[1].longValueExact();
        if (rest < 0) {
            seconds--;
            rest += 1_000_000_000L;
        }
        return Instant.ofEpochSecond(seconds, rest);
    }

    private static boolean zero(Instant instant) {
        return instant.isBefore(Instant.parse("0002-01-01T00:00:00Z"));
    }
}
