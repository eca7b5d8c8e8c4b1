package dev.hindsight.evidence;

import static dev.hindsight.evidence.EvidenceFixtures.as;
import static dev.hindsight.evidence.EvidenceFixtures.binary;
import static dev.hindsight.evidence.EvidenceFixtures.logLines;
import static dev.hindsight.evidence.EvidenceFixtures.named;
import static dev.hindsight.evidence.EvidenceFixtures.sha256;
import static dev.hindsight.evidence.EvidenceFixtures.stream;
import static dev.hindsight.incident.IncidentFixtures.sev2;
import static dev.hindsight.incident.IncidentFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.audit.AuditEntry;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.evidence.internal.DirectoryEvidenceStore;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.testing.SharedData;
import dev.hindsight.testing.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The evidence rules, run against each database by a subclass. */
@SpringBootTest
@ActiveProfiles("test")
@Import(EvidenceCollectionContract.FailingListener.class)
abstract class EvidenceCollectionContract {

    /** Fails the attaching transaction after the bytes are stored, when asked to. */
    static class FailingListener {

        static final AtomicBoolean FAIL = new AtomicBoolean();

        @EventListener
        void on(EvidenceAttached attached) {
            if (FAIL.getAndSet(false)) {
                throw new IllegalStateException("simulated failure before commit");
            }
        }
    }

    @Autowired
    EvidenceCollection evidence;

    @Autowired
    EvidenceStore store;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    AuditTrail audit;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    Actor editor;
    IncidentId incident;
    String unique;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
        unique = UUID.randomUUID().toString().substring(0, 8);
        incident = incidents.create(editor, sev2("Evidence " + unique)).id();
    }

    @AfterEach
    void resetFailure() {
        FailingListener.FAIL.set(false);
    }

    long rows(String sha256) {
        return jdbc.sql("select count(*) from evidence where sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .single();
    }

    List<Path> tempFiles() throws IOException {
        Path root = ((DirectoryEvidenceStore) store).root();
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }

    static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void attachesALogAndGivesBackTheSameBytes() {
        byte[] content = logLines();

        Ingested ingested = evidence.attach(editor, incident, named("checkout.log"), stream(content));

        Evidence e = ingested.evidence();
        assertThat(ingested.alreadyAttached()).isFalse();
        assertThat(e.sha256()).isEqualTo(sha256(content));
        assertThat(e.size()).isEqualTo(content.length);
        assertThat(e.kind()).isEqualTo(EvidenceKind.LOG);
        assertThat(e.zone()).isEqualTo("UTC");
        assertThat(e.clockOffsetSeconds()).isZero();
        assertThat(e.uploadedBy()).isEqualTo(editor.username());
        assertThat(e.status()).isEqualTo(Evidence.READY);
        assertThat(sha256(read(evidence.open(editor, incident, e.id())))).isEqualTo(sha256(content));
        assertThat(evidence.list(editor, incident)).containsExactly(e);
    }

    @Test
    void recordsTheAttachmentInTheIncidentsAuditTrail() {
        Evidence e = evidence.attach(
                        editor, incident, as("pager.json", "alert"), stream(EvidenceFixtures.alertPayload()))
                .evidence();

        AuditEntry entry = audit.forIncident(incident.value()).get(0);
        assertThat(entry.action()).isEqualTo("evidence-attached");
        assertThat(entry.actor()).isEqualTo(editor.username());
        assertThat(entry.summary()).contains("pager.json", "alert", e.shortSha256());
        assertThat(entry.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("sha256");
            assertThat(c.after()).isEqualTo(e.sha256());
        });
    }

    @Test
    void recognisesTheSameBytesAttachedTwiceToOneIncident() {
        byte[] content = logLines();
        Evidence first = evidence.attach(editor, incident, named("app.log"), stream(content))
                .evidence();

        Ingested again = evidence.attach(editor, incident, named("copy-of-app.log"), stream(content));

        assertThat(again.alreadyAttached()).isTrue();
        assertThat(again.evidence()).isEqualTo(first);
        assertThat(rows(first.sha256())).isEqualTo(1);
        assertThat(audit.forIncident(incident.value()))
                .filteredOn(a -> a.action().equals("evidence-attached"))
                .hasSize(1);
    }

    @Test
    void attachesTheSameBytesToAnotherIncidentButStoresThemOnce() throws IOException {
        byte[] content = logLines();
        IncidentId other = incidents.create(editor, sev2("Other " + unique)).id();
        Evidence first = evidence.attach(editor, incident, named("app.log"), stream(content))
                .evidence();

        Ingested second = evidence.attach(editor, other, named("app.log"), stream(content));

        assertThat(second.alreadyAttached()).isFalse();
        assertThat(second.evidence().incident()).isEqualTo(other);
        assertThat(second.evidence().sha256()).isEqualTo(first.sha256());
        assertThat(rows(first.sha256())).isEqualTo(2);
        Path root = ((DirectoryEvidenceStore) store).root();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals(first.sha256())))
                    .hasSize(1);
        }
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void rejectsNulBytesForKindLogAndLeavesNoBlobOrRow() throws IOException {
        byte[] content = binary();

        assertThatThrownBy(() -> evidence.attach(editor, incident, as("core.log", "log"), stream(content)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                            assertThat(f.field()).isEqualTo("file");
                            assertThat(f.message()).contains("NUL", "other");
                        }));

        assertThat(store.exists(sha256(content))).isFalse();
        assertThat(rows(sha256(content))).isZero();
        assertThat(evidence.list(editor, incident)).isEmpty();
        assertThat(tempFiles()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alert", "chat", "deploy", "metric"})
    void rejectsInvalidUtf8ForTextKinds(String kind) {
        byte[] text = logLines();
        byte[] content = new byte[text.length + 2];
        System.arraycopy(text, 0, content, 0, text.length);
        content[text.length] = (byte) 0xC3;
        content[text.length + 1] = (byte) 0x28;

        assertThatThrownBy(() -> evidence.attach(editor, incident, as("export.txt", kind), stream(content)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).message()).contains("UTF-8"));
        assertThat(store.exists(sha256(content))).isFalse();
    }

    @Test
    void acceptsBinaryContentAsKindOther() {
        byte[] content = binary();

        Evidence e = evidence.attach(editor, incident, as("core.dump", "other"), stream(content))
                .evidence();

        assertThat(e.kind()).isEqualTo(EvidenceKind.OTHER);
        assertThat(read(evidence.open(editor, incident, e.id()))).isEqualTo(content);
    }

    @Test
    void checksOnlyTheFirst64KibForText() {
        byte[] text = logLines();
        byte[] content = new byte[70 * 1024];
        for (int i = 0; i < content.length; i++) {
            content[i] = text[i % text.length];
        }
        content[content.length - 1] = 0;

        Evidence e = evidence.attach(editor, incident, named("long.log"), stream(content))
                .evidence();

        assertThat(e.size()).isEqualTo(content.length);
    }

    @Test
    void acceptsMultibyteCharactersSplitAtThe64KibBoundary() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[64 * 1024 + 2];
        java.util.Arrays.fill(content, (byte) 'a');
        System.arraycopy(euro, 0, content, 64 * 1024 - 1, euro.length);
        content[0] = (byte) unique.charAt(0);
        System.arraycopy(unique.getBytes(StandardCharsets.US_ASCII), 0, content, 1, unique.length());

        Evidence e = evidence.attach(editor, incident, named("wide.log"), stream(content))
                .evidence();

        assertThat(e.sha256()).isEqualTo(sha256(content));
    }

    @Test
    void leavesNoVisibleRecordWhenFailingAfterTheBytesAreStored() {
        byte[] content = logLines();
        int auditBefore = audit.forIncident(incident.value()).size();
        FailingListener.FAIL.set(true);

        assertThatThrownBy(() -> evidence.attach(editor, incident, named("app.log"), stream(content)))
                .hasMessageContaining("simulated failure");

        assertThat(store.exists(sha256(content))).isTrue();
        assertThat(rows(sha256(content))).isZero();
        assertThat(evidence.list(editor, incident)).isEmpty();
        assertThat(audit.forIncident(incident.value())).hasSize(auditBefore);

        Ingested retried = evidence.attach(editor, incident, named("app.log"), stream(content));
        assertThat(retried.alreadyAttached()).isFalse();
        assertThat(rows(sha256(content))).isEqualTo(1);
    }

    @Test
    void hidesEvidenceOfRestrictedIncidentsFromOutsiders() {
        Actor outsider = TestUsers.create(accounts, "editor");
        IncidentId restricted = incidents
                .create(editor, with(sev2("Secret " + unique), "SEV2", "restricted", List.of(), List.of()))
                .id();
        Evidence e = evidence.attach(editor, restricted, named("secret.log"), stream(logLines()))
                .evidence();

        assertThatThrownBy(() -> evidence.list(outsider, restricted)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> evidence.get(outsider, restricted, e.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> evidence.open(outsider, restricted, e.id())).isInstanceOf(NotFoundException.class);
        byte[] content = logLines();
        assertThatThrownBy(() -> evidence.attach(outsider, restricted, named("x.log"), stream(content)))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.exists(sha256(content))).isFalse();
    }

    @Test
    void findsNoEvidenceThroughAnotherIncidentsKey() {
        IncidentId other = incidents.create(editor, sev2("Other " + unique)).id();
        Evidence e = evidence.attach(editor, incident, named("app.log"), stream(logLines()))
                .evidence();

        assertThatThrownBy(() -> evidence.get(editor, other, e.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void letsViewersReadButNotAttach() {
        Actor viewer = TestUsers.create(accounts, "viewer");
        Evidence e = evidence.attach(editor, incident, named("app.log"), stream(logLines()))
                .evidence();
        byte[] content = logLines();

        assertThatThrownBy(() -> evidence.attach(viewer, incident, named("mine.log"), stream(content)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> evidence.update(viewer, incident, e.id(), new EvidenceChange(null, "UTC", 5, null)))
                .isInstanceOf(ForbiddenException.class);

        assertThat(store.exists(sha256(content))).isFalse();
        assertThat(evidence.list(viewer, incident)).containsExactly(e);
    }

    @Test
    void rejectsABadDescriptionWithEveryFieldErrorBeforeReadingTheContent() {
        InputStream unread = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("content read although the description was refused");
            }
        };
        EvidenceUpload bad = new EvidenceUpload("../", "screenshot", "Mars/Olympus", 999_999_999, "bad format!");

        assertThatThrownBy(() -> evidence.attach(editor, incident, bad, unread))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("name", "kind", "zone", "clockOffsetSeconds", "format"));
        assertThat(evidence.list(editor, incident)).isEmpty();
    }

    @Test
    void keepsOnlyTheFileNameAndTheChosenDescription() {
        EvidenceUpload upload = new EvidenceUpload("C:\\fakepath\\api.txt", "chat", "Europe/Paris", -90, "Slack");

        Evidence e = evidence.attach(editor, incident, upload, stream(EvidenceFixtures.slackMessages()))
                .evidence();

        assertThat(e.name()).isEqualTo("api.txt");
        assertThat(e.kind()).isEqualTo(EvidenceKind.CHAT);
        assertThat(e.zone()).isEqualTo("Europe/Paris");
        assertThat(e.clockOffsetSeconds()).isEqualTo(-90);
        assertThat(e.format()).isEqualTo("slack");
    }

    @Test
    void changesZoneOffsetKindAndFormatAndAuditsTheChange() {
        Evidence e = evidence.attach(editor, incident, named("app.log"), stream(logLines()))
                .evidence();

        Evidence changed = evidence.update(
                editor, incident, e.id(), new EvidenceChange("deploy", "America/New_York", 42, "logfmt"));

        assertThat(changed.kind()).isEqualTo(EvidenceKind.DEPLOY);
        assertThat(changed.zone()).isEqualTo("America/New_York");
        assertThat(changed.clockOffsetSeconds()).isEqualTo(42);
        assertThat(changed.format()).isEqualTo("logfmt");
        assertThat(evidence.get(editor, incident, e.id())).isEqualTo(changed);
        AuditEntry entry = audit.forIncident(incident.value()).get(0);
        assertThat(entry.action()).isEqualTo("evidence-updated");
        assertThat(entry.changes())
                .extracting(c -> c.field() + "=" + c.before() + "→" + c.after())
                .containsExactly(
                        "kind=log→deploy",
                        "format=null→logfmt",
                        "zone=UTC→America/New_York",
                        "clockOffsetSeconds=0→42");
    }

    @Test
    void refusesToCallBinaryContentALog() {
        Evidence e = evidence.attach(editor, incident, as("core.dump", "other"), stream(binary()))
                .evidence();

        assertThatThrownBy(() -> evidence.update(editor, incident, e.id(), new EvidenceChange("log", null, null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        ex -> assertThat(ex.errors().get(0).field()).isEqualTo("kind"));
        assertThat(evidence.get(editor, incident, e.id()).kind()).isEqualTo(EvidenceKind.OTHER);
    }

    @Test
    void minesTheTemplatesOfALogWhenItIsAttached() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            if (i % 3 == 2) {
                log.append("2026-03-02 10:00:%02d,%03d ERROR [pool-%d] c.e.Payments - Gateway timeout after %d ms%n"
                        .formatted(i, i * 7, i, 1000 + i));
            } else {
                log.append("2026-03-02 10:00:%02d,%03d INFO  [main] c.e.Checkout - Order %d placed for user u%d%n"
                        .formatted(i, i * 7, 5000 + i, i * 13));
            }
        }
        EvidenceUpload upload = new EvidenceUpload("checkout.log", "log", "Europe/Paris", null, null);

        Evidence e = evidence.attach(
                        editor, incident, upload, stream(log.toString().getBytes(StandardCharsets.UTF_8)))
                .evidence();

        LogDigest digest = evidence.logDigest(editor, incident, e.id()).orElseThrow();
        assertThat(digest.lines()).isEqualTo(30);
        assertThat(digest.unparsed()).isZero();
        assertThat(digest.templates()).hasSize(2);
        LogDigest.Template orders = digest.templates().get(0);
        assertThat(orders.count()).isEqualTo(20);
        assertThat(orders.text()).contains("Order <*> placed for user");
        assertThat(orders.firstSeen()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(digest.templates().get(1).count()).isEqualTo(10);
        assertThat(digest.templates().get(1).lastSeen()).isEqualTo(Instant.parse("2026-03-02T09:00:29.203Z"));
    }

    @Test
    void refusesAnUnknownLogFormatBeforeStoringAnything() {
        byte[] content = logLines();
        EvidenceUpload upload = new EvidenceUpload("app.log", "log", null, null, "cobol");

        assertThatThrownBy(() -> evidence.attach(editor, incident, upload, stream(content)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        ex -> assertThat(ex.errors().get(0).message()).contains("known formats"));
        assertThat(rows(sha256(content))).isZero();
    }

    @Test
    void minesTheSharedOpenSshSampleIntoItsTrueNumberOfTemplates() throws IOException {
        Path log = SharedData.require("logs/OpenSSH/OpenSSH_2k.log");
        long trueEvents;
        try (Stream<String> lines = Files.lines(SharedData.require("logs/OpenSSH/OpenSSH_2k.log_structured.csv"))) {
            trueEvents = lines.skip(1)
                    .map(l -> l.replaceAll(".*,(E\\d+),.*", "$1"))
                    .distinct()
                    .count();
        }

        Evidence e = evidence.attach(editor, incident, named("OpenSSH_2k.log"), Files.newInputStream(log))
                .evidence();

        LogDigest digest = evidence.logDigest(editor, incident, e.id()).orElseThrow();
        assertThat(digest.format()).isEqualTo("syslog");
        assertThat(digest.lines()).isEqualTo(2000);
        assertThat(digest.parsed()).isEqualTo(2000);
        assertThat((long) digest.templates().size()).isEqualTo(trueEvents);
        assertThat(digest.templates().get(0).firstSeen().toString()).contains("-12-10T");
    }

    @Test
    void keepsNoDigestForEvidenceThatIsNotALog() {
        Evidence e = evidence.attach(
                        editor, incident, as("pager.json", "alert"), stream(EvidenceFixtures.alertPayload()))
                .evidence();
        assertThat(evidence.logDigest(editor, incident, e.id())).isEmpty();
    }
}
