package dev.hindsight.evidence.internal;

import dev.hindsight.evidence.EvidenceStore;
import dev.hindsight.evidence.StoredBlob;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Evidence blobs as files under one directory, at {@code ab/cd/abcd...} from their SHA-256. A blob is written to a
 * temporary file in the same directory while it is hashed, forced to disk, then moved into place in one atomic
 * rename, so a reader never sees a partial blob. Temporary files left by a crash are removed at start once they are
 * an hour old (younger ones may belong to another node's upload in progress).
 */
@Component
public class DirectoryEvidenceStore implements EvidenceStore {

    static final String TEMP_PREFIX = "upload-";
    static final String TEMP_SUFFIX = ".tmp";
    private static final Duration ORPHAN_AGE = Duration.ofHours(1);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(DirectoryEvidenceStore.class);

    private final Path root;

    DirectoryEvidenceStore(
            @Value("${hindsight.evidence.dir:${hindsight.data-dir:./data}/evidence}") Path root, Clock clock)
            throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
        removeOrphans(clock.instant().minus(ORPHAN_AGE));
    }

    /** The directory holding the blobs. */
    public Path root() {
        return root;
    }

    @Override
    public StoredBlob put(InputStream content) throws IOException {
        Path temp = root.resolve(TEMP_PREFIX + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            MessageDigest digest = sha256();
            long size = 0;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = content.read(buffer)) != -1) {
                    digest.update(buffer, 0, n);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    size += n;
                }
                out.force(true);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            Path target = path(hash);
            if (Files.exists(target)) {
                Files.delete(temp);
            } else {
                Files.createDirectories(target.getParent());
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp);
                }
                forceDirectory(target.getParent());
            }
            return new StoredBlob(hash, size);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Path path = path(sha256);
        if (!Files.isRegularFile(path)) {
            throw new FileNotFoundException("No evidence blob " + sha256);
        }
        return Files.newInputStream(path);
    }

    @Override
    public boolean exists(String sha256) {
        return SHA256.matcher(sha256).matches() && Files.isRegularFile(path(sha256));
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
    }

    private Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 in lower-case hex: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    private void removeOrphans(Instant olderThan) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(root, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                try {
                    if (Files.getLastModifiedTime(temp).toInstant().isBefore(olderThan)) {
                        Files.deleteIfExists(temp);
                        log.info("Removed unfinished evidence upload {}", temp.getFileName());
                    }
                } catch (IOException | UncheckedIOException e) {
                    log.warn("Could not remove unfinished evidence upload {}: {}", temp, e.getMessage());
                }
            }
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Directory {} cannot be forced to disk on this platform", directory);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
