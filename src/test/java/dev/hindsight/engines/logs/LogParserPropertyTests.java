package dev.hindsight.engines.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogParserPropertyTests {

    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "42", "x=1", "[ok]", "a:b", "-", "é"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void keepsEveryRecordWithItsMessageTimeAndStackTraceLines(long seed) {
        Random random = new Random(seed);
        int records = 1 + random.nextInt(60);
        StringBuilder text = new StringBuilder();
        List<String> messages = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        List<Integer> lineCounts = new ArrayList<>();
        LocalDateTime clock = LocalDateTime.of(2020, 1, 1, 0, 0);
        int totalLines = 0;
        for (int r = 0; r < records; r++) {
            clock = clock.plusSeconds(random.nextInt(100_000)).plusNanos(random.nextInt(1000) * 1_000_000L);
            String message = words(random);
            String newline = random.nextBoolean() ? "\n" : "\r\n";
            text.append(clock.toLocalDate())
                    .append(' ')
                    .append(String.format(
                            "%02d:%02d:%02d,%03d",
                            clock.getHour(), clock.getMinute(), clock.getSecond(), clock.getNano() / 1_000_000))
                    .append(' ')
                    .append(random.nextBoolean() ? "INFO" : "ERROR")
                    .append(" [t-")
                    .append(random.nextInt(9))
                    .append("] com.acme.C")
                    .append(random.nextInt(5))
                    .append(": ")
                    .append(message)
                    .append(newline);
            int trace = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 0;
            for (int t = 0; t < trace; t++) {
                text.append("\tat com.acme.C.m")
                        .append(t)
                        .append("(C.java:")
                        .append(t)
                        .append(')')
                        .append(newline);
            }
            messages.add(message);
            times.add(clock.toInstant(ZoneOffset.UTC));
            lineCounts.add(1 + trace);
            totalLines += 1 + trace;
        }
        if (random.nextBoolean()) {
            text.setLength(text.length() - 1);
            if (text.charAt(text.length() - 1) == '\r') {
                text.setLength(text.length() - 1);
            }
        }

        List<LogRecord> parsed = new ArrayList<>();
        ParseStats stats = LogParser.parse(
                new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
                ParseOptions.defaults(),
                parsed::add);

        assertThat(stats.format()).isEqualTo(LogFormat.LOG4J);
        assertThat(parsed).hasSize(records);
        assertThat(stats.lines()).isEqualTo(totalLines);
        assertThat(stats.unparsed()).isZero();
        long expectedLine = 1;
        for (int r = 0; r < records; r++) {
            LogRecord record = parsed.get(r);
            assertThat(record.lineNumber()).isEqualTo(expectedLine);
            assertThat(record.lineCount()).isEqualTo(lineCounts.get(r));
            assertThat(record.message().split("\n")[0]).isEqualTo(messages.get(r));
            assertThat(record.timestamp()).isEqualTo(times.get(r));
            expectedLine += record.lineCount();
        }
    }

    private static String words(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
