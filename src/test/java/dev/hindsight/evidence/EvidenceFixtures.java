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

    /** An Alertmanager webhook payload with one firing alert at 2026-03-02T10:00:05Z, unique to this call. */
    public static byte[] alertPayload() {
        return ("""
                {"version":"4","status":"firing","receiver":"hindsight","alerts":[{"status":"firing",
                "labels":{"alertname":"CheckoutErrors","severity":"page","service":"checkout","run":"%s"},
                "annotations":{"summary":"Checkout error rate above 5%%"},
                "startsAt":"2026-03-02T10:00:05Z","endsAt":"0001-01-01T00:00:00Z",
                "generatorURL":"http://prometheus/graph"}]}
                """).formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    /** A Slack day export with two messages (the second one says it rolls back), unique to this call. */
    public static byte[] slackMessages() {
        return ("""
                [{"type":"message","user":"U1","user_name":"ana","text":"checkout errors are up (%s)",
                  "ts":"1772445600.000100"},
                 {"type":"message","user":"U2","user_name":"ben","text":"Rolling back the 10:00 deploy now",
                  "ts":"1772445660.000200"}]
                """).formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
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
