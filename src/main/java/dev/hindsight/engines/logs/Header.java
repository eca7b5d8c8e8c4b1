package dev.hindsight.engines.logs;

import java.time.Instant;

/** Mutable scratch filled by a {@link HeaderParser} for one line. */
final class Header {

    static final int NO_OFFSET = Integer.MIN_VALUE;

    boolean hasTime;
    int year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    int nano;
    int offsetSeconds;
    Instant instant;
    String level;
    String source;
    String message;

    void reset() {
        hasTime = false;
        year = -1;
        month = 0;
        day = 0;
        hour = 0;
        minute = 0;
        second = 0;
        nano = 0;
        offsetSeconds = NO_OFFSET;
        instant = null;
        level = null;
        source = null;
        message = null;
    }
}
