package dev.hindsight.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The text check passes text through unchanged and stops at the first sign of binary content. */
class TextCheckTests {

    static byte[] readThrough(byte[] content) throws IOException {
        try (InputStream in = new TextCheck(new ByteArrayInputStream(content))) {
            return in.readAllBytes();
        }
    }

    @Test
    void passesUtf8TextThroughUnchanged() throws IOException {
        byte[] text = "Zürich → 東京 ✓\nline two\n".getBytes(StandardCharsets.UTF_8);

        assertThat(readThrough(text)).isEqualTo(text);
    }

    @Test
    void stopsAtANulByteBeforeTheEnd() {
        byte[] content = new byte[200_000];
        Arrays.fill(content, (byte) 'a');
        content[10] = 0;
        InputStream in = new TextCheck(new ByteArrayInputStream(content));

        assertThatThrownBy(() -> in.read(new byte[100])).isInstanceOf(TextCheck.NotText.class);
    }

    @Test
    void rejectsATruncatedCharacterAtTheEnd() {
        byte[] content = {'o', 'k', (byte) 0xE2, (byte) 0x82};

        assertThatThrownBy(() -> readThrough(content))
                .isInstanceOf(TextCheck.NotText.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void acceptsInvalidBytesAfterTheWindow() throws IOException {
        byte[] content = new byte[TextCheck.WINDOW + 10];
        Arrays.fill(content, (byte) 'a');
        content[TextCheck.WINDOW + 5] = (byte) 0xFF;

        assertThat(readThrough(content)).isEqualTo(content);
    }
}
