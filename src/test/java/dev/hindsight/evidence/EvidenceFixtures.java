package dev.hindsight.evidence;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Evidence content and descriptions for tests; every text is unique, so tests sharing a store do not dedupe. */
public final class EvidenceFixtures {

    private EvidenceFixtures() {}

    /** A few lines of a log, unique to this call. */
    public static byte[] logLines() {
        String id = UUID.randomUUID().toString();
        return ("2026-03-02T10:00:01Z INFO checkout started request=" + id + "\n"
                        + "2026-03-02T10:00:02Z ERROR payment declined issuer=ACME request=" + id + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Unique bytes with a NUL byte in them. */
    public static byte[] binary() {
        byte[] text = logLines();
        byte[] bytes = new byte[text.length + 4];
        System.arraycopy(text, 0, bytes, 4, text.length);
        bytes[0] = (byte) 0x89;
        bytes[1] = 'P';
        bytes[2] = 0;
        bytes[3] = 0;
        return bytes;
    }

    public static EvidenceUpload named(String name) {
        return new EvidenceUpload(name, null, null, null, null);
    }

    public static EvidenceUpload as(String name, String kind) {
        return new EvidenceUpload(name, kind, null, null, null);
    }

    public static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
