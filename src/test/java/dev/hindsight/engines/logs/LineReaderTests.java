package dev.hindsight.engines.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineReaderTests {

    private static List<String> lines(byte[] bytes, int chunk) throws Exception {
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        List<String> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(in)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void dropsAByteOrderMarkAndHandlesEveryLineEnding() throws Exception {
        byte[] bytes = "\uFEFFa\r\nb\rc\n\nd".getBytes(StandardCharsets.UTF_8);

        assertThat(lines(bytes, 1)).containsExactly("a", "b", "c", "", "d");
        assertThat(lines(bytes, 1 << 16)).containsExactly("a", "b", "c", "", "d");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void readsTheSameLinesAsBufferedReaderForRandomText(long seed) throws Exception {
        Random random = new Random(seed);
        String[] pieces = {"a", "é", "€", "😀", " ", "\n", "\r\n", "\r", "x".repeat(70_000), "log line 42"};
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(200);
        for (int i = 0; i < n; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        List<String> expected = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text.toString()))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                expected.add(line);
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

        assertThat(lines(bytes, 1 + random.nextInt(5000))).isEqualTo(expected);
    }

    @Test
    void replacesMalformedBytesLikeAnInputStreamReader() throws Exception {
        byte[] bytes = {'o', 'k', (byte) 0xc3, '\n', 'z'};
        List<String> expected = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                expected.add(line);
            }
        }

        assertThat(lines(bytes, 3)).isEqualTo(expected);
    }
}
