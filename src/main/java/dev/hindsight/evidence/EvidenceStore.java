package dev.hindsight.evidence;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where evidence bytes live, addressed by their SHA-256. Implementations stream: memory use does not grow with the
 * size of a blob. The directory store is the default; an S3-compatible store can implement the same contract.
 */
public interface EvidenceStore {

    /**
     * Reads {@code content} to its end and stores it under its SHA-256. When a blob with that hash is already stored,
     * it is kept and the new copy discarded. The blob is durable when this returns. When reading fails (including an
     * exception thrown by a checking stream), nothing is stored and the exception is passed on.
     *
     * @return the hash and size of what was read, never null
     */
    StoredBlob put(InputStream content) throws IOException;

    /** The bytes of the blob; throws {@link java.io.FileNotFoundException} when there is none with that hash. */
    InputStream open(String sha256) throws IOException;

    /** Whether a blob with that hash is stored. */
    boolean exists(String sha256);

    /** Removes the blob; does nothing when there is none. */
    void delete(String sha256) throws IOException;
}
