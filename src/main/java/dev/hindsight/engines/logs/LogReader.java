package dev.hindsight.engines.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Pulls {@link LogRecord}s from a log one at a time, holding only the current record and a one-line look-ahead.
 * Obtain one from {@link LogParser#open}. Not thread-safe. Closing it closes the underlying input.
 */
public final class LogReader implements Iterator<LogRecord>, AutoCloseable {

    private static final int MAX_CONTINUATION_LINES = 500;
    private static final int MAX_RECORD_CHARS = 64 * 1024;

    private final LineReader in;
    private final ArrayDeque<String> sample;
    private final LogFormat format;
    private final HeaderParser parser;
    private final TimeResolver time;
    private final Header header = new Header();
    private final ArrayDeque<LogRecord> ready = new ArrayDeque<>(2);
    private final List<ParseStats.UnparsedLine> examples = new ArrayList<>();

    private long lineNumber;
    private long parsedCount;
    private long unparsedCount;
    private long continuationCount;
    private boolean eof;

    private long pendingLine;
    private int pendingLines;
    private Instant pendingTime;
    private String pendingLevel;
    private String pendingSource;
    private String pendingMessage;
    private String pendingRaw;
    private StringBuilder pendingMessageMore;
    private StringBuilder pendingRawMore;
    private boolean pending;

    LogReader(LineReader in, ArrayDeque<String> sample, LogFormat format, ParseOptions options) {
        this.in = in;
        this.sample = sample;
        this.format = format;
        this.parser = format.parser();
        this.time = new TimeResolver(options.zone(), options.referenceDate(), options.startYear());
    }

    /** The format in use (detected or requested), never null. */
    public LogFormat format() {
        return format;
    }

    /** Counts so far; complete once {@link #hasNext()} has returned false. Never null. */
    public ParseStats stats() {
        return new ParseStats(format, lineNumber, parsedCount, unparsedCount, continuationCount, List.copyOf(examples));
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !eof) {
            step();
        }
        return !ready.isEmpty();
    }

    /** The next record; throws NoSuchElementException at the end and UncheckedIOException when reading fails. */
    @Override
    public LogRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readLine() {
        if (!sample.isEmpty()) {
            return sample.poll();
        }
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void step() {
        String line = readLine();
        if (line == null) {
            eof = true;
            flush();
            return;
        }
        lineNumber++;
        if (line.isBlank()) {
            return;
        }
        header.reset();
        boolean matched;
        try {
            matched = parser.parse(line, header);
        } catch (RuntimeException e) {
            matched = false;
        }
        if (matched) {
            flush();
            parsedCount++;
            pending = true;
            pendingLine = lineNumber;
            pendingLines = 1;
            pendingTime = time.resolve(header);
            pendingLevel = header.level;
            pendingSource = header.source;
            pendingMessage = header.message;
            pendingRaw = line;
            pendingMessageMore = null;
            pendingRawMore = null;
            return;
        }
        if (pending && parser.continuations() && continues(line)) {
            continuationCount++;
            if (pendingLines < MAX_CONTINUATION_LINES && pendingRaw.length() + rawMoreLength() < MAX_RECORD_CHARS) {
                if (pendingMessageMore == null) {
                    pendingMessageMore = new StringBuilder(pendingMessage);
                    pendingRawMore = new StringBuilder(pendingRaw);
                }
                String trimmed = line.stripTrailing();
                pendingMessageMore.append('\n').append(trimmed);
                pendingRawMore.append('\n').append(line);
            }
            pendingLines++;
            return;
        }
        flush();
        unparsedCount++;
        if (examples.size() < ParseStats.MAX_EXAMPLES) {
            examples.add(new ParseStats.UnparsedLine(lineNumber, line.length() > 500 ? line.substring(0, 500) : line));
        }
        String message = line.strip();
        ready.add(new LogRecord(lineNumber, 1, null, null, null, message, line, false));
    }

    private int rawMoreLength() {
        return pendingRawMore == null ? 0 : pendingRawMore.length();
    }

    private void flush() {
        if (!pending) {
            return;
        }
        pending = false;
        String message = pendingMessageMore != null ? pendingMessageMore.toString() : pendingMessage;
        String raw = pendingRawMore != null ? pendingRawMore.toString() : pendingRaw;
        ready.add(
                new LogRecord(pendingLine, pendingLines, pendingTime, pendingLevel, pendingSource, message, raw, true));
    }

    /** Whether a line that matched no header looks like part of a stack trace or other continuation. */
    static boolean continues(String line) {
        char first = line.charAt(0);
        if (first == ' ' || first == '\t' || first == '}' || first == ']' || first == ')') {
            return true;
        }
        if (line.startsWith("Caused by") || line.startsWith("Traceback") || line.startsWith("...")) {
            return true;
        }
        int end = 0;
        int n = line.length();
        while (end < n) {
            char c = line.charAt(end);
            if (c == ':' || c == ' ') {
                break;
            }
            end++;
        }
        String token = line.substring(0, end);
        return token.endsWith("Exception")
                || token.endsWith("Error")
                || token.endsWith("Throwable")
                || token.endsWith("Warning")
                || token.contains("Exception$");
    }
}
