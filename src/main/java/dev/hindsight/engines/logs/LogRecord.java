package dev.hindsight.engines.logs;

import java.time.Instant;

/**
 * One log record: a header line and its continuation lines (for example a stack trace).
 *
 * @param lineNumber the 1-based number of the record's first line in the input
 * @param lineCount the number of input lines the record spans, at least 1
 * @param timestamp the record's instant, or null when the line has no readable timestamp
 * @param level the level as written (for example {@code INFO}), or null when the format has none
 * @param source the logger, component, program or host that wrote the record, or null when absent
 * @param message the message content without the header, never null; continuation lines are appended after
 *     {@code '\n'}
 * @param raw the record's text as read (lines joined by {@code '\n'}, line endings removed), never null
 * @param parsed false when the line matched no header of the format and is kept as-is
 */
public record LogRecord(
        long lineNumber,
        int lineCount,
        Instant timestamp,
        String level,
        String source,
        String message,
        String raw,
        boolean parsed) {}
