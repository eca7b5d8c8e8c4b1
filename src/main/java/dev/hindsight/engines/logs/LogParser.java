package dev.hindsight.engines.logs;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/** Entry point of log parsing: opens a streaming {@link LogReader} over UTF-8 input. */
public final class LogParser {

    private static final int SNIFF_BYTES = 8192;

    private LogParser() {}

    /**
     * Opens a reader over {@code in}, detecting the format from the first {@link ParseOptions#sampleLines()} lines
     * unless the options name one. Detection falls back to {@link LogFormat#RAW} when no format matches any line.
     *
     * @throws BinaryLogException when the first bytes contain NUL or are mostly not text
     * @throws UncheckedIOException when reading fails
     */
    public static LogReader open(InputStream in, ParseOptions options) {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        sniff(buffered);
        LineReader reader = new LineReader(buffered);
        ArrayDeque<String> sample = new ArrayDeque<>();
        LogFormat format;
        if (options.detectsFormat()) {
            try {
                for (int i = 0; i < options.sampleLines(); i++) {
                    String line = reader.readLine();
                    if (line == null) {
                        break;
                    }
                    sample.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            format = detect(sample);
        } else {
            format = LogFormat.byName(options.format());
        }
        return new LogReader(reader, sample, format, options);
    }

    /**
     * Parses all of {@code in}, handing each record to {@code sink}, and closes the input.
     *
     * @return the counts, never null
     * @throws BinaryLogException when the input is not text
     */
    public static ParseStats parse(InputStream in, ParseOptions options, Consumer<LogRecord> sink) {
        try (LogReader reader = open(in, options)) {
            while (reader.hasNext()) {
                sink.accept(reader.next());
            }
            return reader.stats();
        }
    }

    /** The format matching most of {@code lines} (ties go to the earlier constant), or RAW when none matches. */
    public static LogFormat detect(Iterable<String> lines) {
        LogFormat best = LogFormat.RAW;
        int bestCount = 0;
        Header h = new Header();
        for (LogFormat format : LogFormat.values()) {
            if (format == LogFormat.RAW) {
                continue;
            }
            int count = 0;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                h.reset();
                try {
                    if (format.parser().parse(line, h)) {
                        count++;
                    }
                } catch (RuntimeException e) {
                    // a line this format cannot read
                }
            }
            if (count > bestCount) {
                best = format;
                bestCount = count;
            }
        }
        return best;
    }

    private static void sniff(BufferedInputStream in) {
        byte[] bytes = new byte[SNIFF_BYTES];
        int n = 0;
        try {
            in.mark(SNIFF_BYTES + 1);
            while (n < SNIFF_BYTES) {
                int r = in.read(bytes, n, SNIFF_BYTES - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                throw new BinaryLogException("input is binary, not a text log: NUL byte at offset " + i);
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
                control++;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(n + 1);
        decoder.decode(ByteBuffer.wrap(bytes, 0, n), chars, false);
        chars.flip();
        int replaced = 0;
        for (int i = 0; i < chars.length(); i++) {
            if (chars.charAt(i) == '\uFFFD') {
                replaced++;
            }
        }
        if (n > 0 && (control + replaced) * 10 > n) {
            throw new BinaryLogException("input is not a text log: " + (control + replaced) + " of the first " + n
                    + " bytes are control characters or invalid UTF-8");
        }
    }
}
