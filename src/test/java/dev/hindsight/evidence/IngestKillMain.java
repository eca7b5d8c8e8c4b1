package dev.hindsight.evidence;

import dev.hindsight.HindsightApplication;
import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.User;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application in a separate JVM for {@link IngestKillTests}, on an H2 file database and evidence directory
 * under {@code args[1]}. {@code ingest}: creates an incident and attaches a large generated log, creating the file
 * {@code ingesting} once {@value #SIGNAL_BYTES} bytes were read (the test kills the JVM then). {@code verify}: writes
 * what is visible for that incident to {@code result.txt}, retries the same upload, writes what is visible again, and exits.
 */
public final class IngestKillMain {

    static final long TOTAL_BYTES = 200L * 1024 * 1024;
    static final long SIGNAL_BYTES = 32L * 1024 * 1024;

    private IngestKillMain() {}

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HindsightApplication.class)
                .run(
                        "--hindsight.data-dir=" + dir,
                        "--hindsight.admin-password=" + TestUsers.ADMIN_PASSWORD,
                        "--hindsight.scheduling.enabled=false",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn");
        Accounts accounts = context.getBean(Accounts.class);
        IncidentManagement incidents = context.getBean(IncidentManagement.class);
        EvidenceCollection evidence = context.getBean(EvidenceCollection.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        EvidenceUpload upload = new EvidenceUpload("huge.log", "log", "UTC", null, null);
        if (mode.equals("ingest")) {
            Actor editor = TestUsers.create(accounts, "editor");
            IncidentId incident = incidents
                    .create(editor, IncidentFixtures.sev2("Killed during ingest"))
                    .id();
            Files.writeString(dir.resolve("incident.txt"), incident.value() + "\n" + editor.username());
            evidence.attach(editor, incident, upload, new GeneratedLog(TOTAL_BYTES, dir.resolve("ingesting")));
            Files.writeString(dir.resolve("finished"), "ingest finished before it was killed");
            System.exit(3);
        }
        List<String> lines = Files.readAllLines(dir.resolve("incident.txt"));
        IncidentId incident = new IncidentId(Long.parseLong(lines.get(0)));
        User user = accounts.findByUsername(lines.get(1)).orElseThrow();
        Actor editor = new Actor(user.id(), user.username(), user.role());
        List<String> result = new ArrayList<>();
        result.add("before " + visible(jdbc, evidence, editor, incident));
        Ingested retried = evidence.attach(editor, incident, upload, new GeneratedLog(TOTAL_BYTES, null));
        result.add("retried alreadyAttached=" + retried.alreadyAttached());
        result.add("after " + visible(jdbc, evidence, editor, incident));
        Files.write(dir.resolve("result.txt"), result);
        System.exit(0);
    }

    private static String visible(JdbcClient jdbc, EvidenceCollection evidence, Actor actor, IncidentId incident) {
        long digests = jdbc.sql(
                        "select count(*) from log_digests d join evidence e on e.id = d.evidence_id where e.incident_id = ?")
                .param(incident.value())
                .query(Long.class)
                .single();
        long eventRows = jdbc.sql("select count(*) from evidence_events where incident_id = ?")
                .param(incident.value())
                .query(Long.class)
                .single();
        return "evidence=" + evidence.list(actor, incident).size() + " digests=" + digests + " events="
                + evidence.events(actor, incident).size() + " eventRows=" + eventRows;
    }

    /**
     * A deterministic log of {@code total} bytes: INFO request lines, and from the middle on bursts of ERROR lines;
     * creates {@code signal} once {@value #SIGNAL_BYTES} bytes were read.
     */
    static final class GeneratedLog extends InputStream {

        private final long total;
        private final Path signal;
        private long produced;
        private long line;
        private byte[] current = new byte[0];
        private int position;

        GeneratedLog(long total, Path signal) {
            this.total = total;
            this.signal = signal;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (produced >= total) {
                return -1;
            }
            int n = 0;
            while (n < len && produced < total) {
                if (position == current.length) {
                    current = next();
                    position = 0;
                }
                int copy = (int) Math.min(Math.min(len - n, current.length - position), total - produced);
                System.arraycopy(current, position, b, off + n, copy);
                position += copy;
                n += copy;
                produced += copy;
            }
            if (signal != null && produced >= SIGNAL_BYTES && produced - n < SIGNAL_BYTES) {
                try {
                    Files.writeString(signal, Long.toString(produced));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return n;
        }

        private byte[] next() {
            line++;
            long second = line / 200;
            String time =
                    java.time.Instant.ofEpochSecond(1_772_445_600L + second).toString();
            String text = line % 1000 < 5 && second > 3000
                    ? time + " ERROR payment gateway timeout after " + (line % 97) + " ms order=" + line + "\n"
                    : time + " INFO request served path=/checkout/" + (line % 5000) + " status=200 in " + (line % 250)
                            + " ms user=u" + (line % 10007) + "\n";
            return text.getBytes(StandardCharsets.US_ASCII);
        }
    }
}
