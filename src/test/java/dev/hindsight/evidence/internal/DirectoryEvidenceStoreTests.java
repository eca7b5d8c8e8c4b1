package dev.hindsight.evidence.internal;

import static dev.hindsight.evidence.EvidenceFixtures.logLines;
import static dev.hindsight.evidence.EvidenceFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.evidence.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory store on its own: layout, dedupe, failures mid-stream, cleaning up after a crash. */
class DirectoryEvidenceStoreTests {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path root;

    DirectoryEvidenceStore store() throws IOException {
        return new DirectoryEvidenceStore(root, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    long files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void storesABlobAtAPathMadeFromItsHash() throws IOException {
        byte[] content = logLines();
        String hash = sha256(content);

        StoredBlob blob = store().put(new ByteArrayInputStream(content));

        assertThat(blob).isEqualTo(new StoredBlob(hash, content.length));
        assertThat(root.resolve(hash.substring(0, 2))
                        .resolve(hash.substring(2, 4))
                        .resolve(hash))
                .hasBinaryContent(content);
        try (InputStream in = store().open(hash)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void keepsOneCopyOfTheSameBytes() throws IOException {
        byte[] content = logLines();
        DirectoryEvidenceStore store = store();

        store.put(new ByteArrayInputStream(content));
        store.put(new ByteArrayInputStream(content));

        assertThat(files()).isEqualTo(1);
    }

    @Test
    void leavesNothingWhenTheStreamFailsHalfway() throws IOException {
        InputStream failing = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100_000) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store().put(failing)).hasMessage("connection reset");
        assertThat(files()).isZero();
    }

    @Test
    void removesUnfinishedUploadsOlderThanAnHourAtStart() throws IOException {
        Path old = Files.writeString(root.resolve("upload-old.tmp"), "half");
        Files.setLastModifiedTime(old, FileTime.from(NOW.minus(Duration.ofMinutes(61))));
        Path young = Files.writeString(root.resolve("upload-young.tmp"), "in progress elsewhere");
        Files.setLastModifiedTime(young, FileTime.from(NOW.minus(Duration.ofMinutes(5))));

        store();

        assertThat(old).doesNotExist();
        assertThat(young).exists();
    }

    @Test
    void reportsMissingBlobsAndDeletes() throws IOException {
        DirectoryEvidenceStore store = store();
        String hash = store.put(new ByteArrayInputStream(logLines())).sha256();

        store.delete(hash);

        assertThat(store.exists(hash)).isFalse();
        assertThatThrownBy(() -> store.open(hash)).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
