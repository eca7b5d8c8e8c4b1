package dev.hindsight.engines.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Turns header fields into instants: infers missing years and applies the default zone, caching per hour. */
final class TimeResolver {

    private static final int HALF_YEAR = 6 * 31;

    private final ZoneId zone;
    private final LocalDate reference;
    private final Integer startYear;
    private int year = Integer.MIN_VALUE;
    private int lastOrdinal;
    private long cachedHourKey = Long.MIN_VALUE;
    private long cachedHourEpoch;

    TimeResolver(ZoneId zone, LocalDate reference, Integer startYear) {
        this.zone = zone;
        this.reference = reference;
        this.startYear = startYear;
    }

    Instant resolve(Header h) {
        if (h.instant != null) {
            return h.instant;
        }
        if (!h.hasTime) {
            return null;
        }
        int y = h.year >= 0 ? h.year : inferYear(h.month, h.day);
        try {
            long local;
            long hourKey = ((long) y * 10000 + h.month * 100 + h.day) * 100 + h.hour;
            if (h.offsetSeconds != Header.NO_OFFSET) {
                local = LocalDate.of(y, h.month, h.day).toEpochDay() * 86400L + h.hour * 3600L - h.offsetSeconds;
            } else if (hourKey == cachedHourKey) {
                local = cachedHourEpoch;
            } else {
                local = LocalDateTime.of(y, h.month, h.day, h.hour, 0)
                        .atZone(zone)
                        .toEpochSecond();
                cachedHourKey = hourKey;
                cachedHourEpoch = local;
            }
            if (h.minute > 59 || h.second > 60) {
                return null;
            }
            return Instant.ofEpochSecond(local + h.minute * 60L + h.second, h.nano);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private int inferYear(int month, int day) {
        int ordinal = month * 31 + day;
        if (year == Integer.MIN_VALUE) {
            if (startYear != null) {
                year = startYear;
            } else {
                year = reference.getYear();
                int limit = reference.getMonthValue() * 31 + reference.getDayOfMonth() + 1;
                if (ordinal > limit) {
                    year--;
                }
            }
        } else if (ordinal < lastOrdinal - HALF_YEAR) {
            year++;
        } else if (ordinal > lastOrdinal + HALF_YEAR) {
            year--;
        }
        lastOrdinal = ordinal;
        return year;
    }
}
