package dev.hindsight.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.evidence.EvidenceStore;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Large uploads go through without being held in memory: a generated body, hashed while it is sent, comes back with
 * the same hash. No timing is asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EvidenceStreamingTests {

    static final long RAW_SIZE = 200L * 1024 * 1024;
    static final long MULTIPART_SIZE = 20L * 1024 * 1024;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    EvidenceStore store;

    EvidenceHttp editor;
    String key;

    @BeforeEach
    void setUp() {
        Actor actor = TestUsers.create(accounts, "editor");
        String token = tokens.create(actor, "test").secret();
        editor = new EvidenceHttp(base(), token);
        HttpResponse<String> created = HttpSession.withToken(base(), token)
                .postJson("/api/v1/incidents", "{\"title\": \"Big logs\", \"severity\": \"SEV3\"}");
        key = JSON.readTree(created.body()).get("key").asString();
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void streamsA200MibRawBodyInAndOutUnchanged() throws IOException {
        MessageDigest sent = sha256();

        HttpResponse<String> created = editor.postRaw(
                "/api/v1/incidents/" + key + "/evidence?name=big.log&kind=log",
                () -> new DigestInputStream(new GeneratedLog(RAW_SIZE), sent));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String hash = HexFormat.of().formatHex(sent.digest());
        assertThat(body.get("sha256").asString()).isEqualTo(hash);
        assertThat(body.get("size").asLong()).isEqualTo(RAW_SIZE);
        assertThat(downloadedHash(body.get("raw").asString())).isEqualTo(hash);
        store.delete(hash);
    }

    @Test
    void streamsALargeMultipartFileToTheStore() throws IOException {
        MessageDigest sent = sha256();
        String boundary = "----hindsight" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nlog\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"multi.log\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> created = editor.postStream(
                "/api/v1/incidents/" + key + "/evidence",
                "multipart/form-data; boundary=" + boundary,
                () -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
                        new ByteArrayInputStream(head),
                        new DigestInputStream(new GeneratedLog(MULTIPART_SIZE), sent),
                        new ByteArrayInputStream(tail)))));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String hash = HexFormat.of().formatHex(sent.digest());
        assertThat(body.get("sha256").asString()).isEqualTo(hash);
        assertThat(downloadedHash(body.get("raw").asString())).isEqualTo(hash);
        store.delete(hash);
    }

    private String downloadedHash(String path) throws IOException {
        HttpResponse<InputStream> raw = editor.download(path);
        assertThat(raw.statusCode()).isEqualTo(200);
        MessageDigest received = sha256();
        try (InputStream in = new DigestInputStream(raw.body(), received)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(received.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Log lines made up on the fly, exactly {@code size} bytes, unique per instance; nothing is kept. */
    static final class GeneratedLog extends InputStream {

        private final long size;
        private final String run = UUID.randomUUID().toString();
        private long position;
        private long line;
        private byte[] current = new byte[0];
        private int offset;

        GeneratedLog(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int written = 0;
            while (written < len && position < size) {
                if (offset == current.length) {
                    current = ("2026-03-02T10:00:00Z INFO run=" + run + " line=" + line++
                                    + " checkout request served in 12ms\n")
                            .getBytes(StandardCharsets.UTF_8);
                    offset = 0;
                }
                int n = (int) Math.min(Math.min(len - written, current.length - offset), size - position);
                System.arraycopy(current, offset, b, off + written, n);
                offset += n;
                written += n;
                position += n;
            }
            return written;
        }
    }
}
