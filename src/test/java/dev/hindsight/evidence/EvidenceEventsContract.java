package dev.hindsight.evidence;

import static dev.hindsight.evidence.EvidenceFixtures.alertPayload;
import static dev.hindsight.evidence.EvidenceFixtures.sha256;
import static dev.hindsight.evidence.EvidenceFixtures.slackMessages;
import static dev.hindsight.evidence.EvidenceFixtures.stream;
import static dev.hindsight.incident.IncidentFixtures.sev2;
import static dev.hindsight.incident.IncidentFixtures.with;
import static dev.hindsight.incident.IncidentFixtures.withTimes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doCallRealMethod;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** Events derived on attach: stored with the evidence row, visible only with it, hidden from outsiders. */
@SpringBootTest
@ActiveProfiles("test")
abstract class EvidenceEventsContract {

    @Autowired
    EvidenceCollection evidence;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @MockitoSpyBean
    EvidenceEvents stored;

    Actor editor;
    IncidentId incident;
    String unique;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
        unique = UUID.randomUUID().toString().substring(0, 8);
        incident = incidents.create(editor, sev2("Events " + unique)).id();
    }

    long count(String table, String sha256) {
        return jdbc.sql("select count(*) from " + table
                        + " t join evidence e on e.id = t.evidence_id where e.sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .single();
    }

    long evidenceRows(String sha256) {
        return jdbc.sql("select count(*) from evidence where sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .single();
    }

    @Test
    void storesAnAlertsEventsWithTheEvidenceCorrectedByItsClockOffset() {
        Evidence e = evidence.attach(
                        editor,
                        incident,
                        new EvidenceUpload("am.json", "alert", "Europe/Paris", 120, null),
                        stream(alertPayload()))
                .evidence();

        List<EvidenceEvent> events = evidence.events(editor, incident);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.evidenceId()).isEqualTo(e.id());
            assertThat(event.seq()).isEqualTo(1);
            assertThat(event.kind()).isEqualTo(EvidenceEventKind.ALERT_FIRING);
            assertThat(event.at()).isEqualTo(OffsetDateTime.parse("2026-03-02T09:58:05Z"));
            assertThat(event.title()).startsWith("CheckoutErrors {severity=page, service=checkout");
            assertThat(event.attributes())
                    .containsEntry("alertname", "CheckoutErrors")
                    .containsEntry("service", "checkout")
                    .containsEntry("url", "http://prometheus/graph");
            assertThat(event.firstLine()).isEqualTo(1);
            assertThat(event.lastLine()).isEqualTo(5);
        });
        assertThat(evidence.parseSummary(editor, incident, e.id())).hasValueSatisfying(s -> {
            assertThat(s.format()).isEqualTo("alertmanager");
            assertThat(s.events()).isEqualTo(1);
            assertThat(s.unparsed()).isZero();
        });
        assertThat(evidence.eventCounts(editor, incident)).containsEntry(e.id(), 1);
        assertThat(evidence.parseSummaries(editor, incident)).containsKey(e.id());
    }

    @Test
    void ordersEventsOfSeveralEvidenceByTimeAndKeepsEachOnceWhenAttachedTwice() {
        byte[] chat = slackMessages();
        Evidence alert = evidence.attach(
                        editor,
                        incident,
                        new EvidenceUpload("am.json", "alert", null, null, null),
                        stream(alertPayload()))
                .evidence();
        Evidence slack = evidence.attach(
                        editor, incident, new EvidenceUpload("c.json", "chat", null, null, null), stream(chat))
                .evidence();
        Ingested again = evidence.attach(
                editor, incident, new EvidenceUpload("c2.json", "chat", null, null, null), stream(chat));

        List<EvidenceEvent> events = evidence.events(editor, incident);

        assertThat(again.alreadyAttached()).isTrue();
        assertThat(events)
                .extracting(EvidenceEvent::evidenceId, EvidenceEvent::seq)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(slack.id(), 1),
                        org.assertj.core.groups.Tuple.tuple(alert.id(), 1),
                        org.assertj.core.groups.Tuple.tuple(slack.id(), 2));
        assertThat(events.get(0).attributes()).doesNotContainKey("signal");
        assertThat(events.get(2).attributes()).containsEntry("signal", "rollback");
        assertThat(events.get(2).at()).isEqualTo(OffsetDateTime.parse("2026-03-02T10:01:00.0002Z"));
    }

    @Test
    void hidesEventsOfRestrictedIncidentsFromOutsiders() {
        Actor outsider = TestUsers.create(accounts, "editor");
        IncidentId restricted = incidents
                .create(editor, with(sev2("Secret " + unique), "SEV2", "restricted", List.of(), List.of()))
                .id();
        Evidence e = evidence.attach(
                        editor,
                        restricted,
                        new EvidenceUpload("am.json", "alert", null, null, null),
                        stream(alertPayload()))
                .evidence();

        assertThat(evidence.events(editor, restricted)).hasSize(1);
        assertThatThrownBy(() -> evidence.events(outsider, restricted)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> evidence.eventCounts(outsider, restricted)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> evidence.parseSummaries(outsider, restricted)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> evidence.rawLines(outsider, restricted, e.id(), 1, 2))
                .isInstanceOf(NotFoundException.class);
        assertThat(evidence.events(
                        outsider,
                        incidents.create(outsider, sev2("Own " + unique)).id()))
                .isEmpty();
    }

    @Test
    void leavesNoEvidenceRowWhenWritingEventsFailsHalfWay() {
        StringBuilder csv = new StringBuilder("time,service,description\n");
        for (int i = 0; i < EvidenceEvents.CHUNK * 2 + 50; i++) {
            csv.append("2026-03-02T10:")
                    .append(String.format("%02d", i % 60))
                    .append(":00Z,checkout,change ")
                    .append(i)
                    .append(' ')
                    .append(unique)
                    .append('\n');
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        doCallRealMethod()
                .doThrow(new IllegalStateException("simulated failure while writing events"))
                .when(stored)
                .insertChunk(anyLong(), anyList());

        assertThatThrownBy(() -> evidence.attach(
                        editor,
                        incident,
                        new EvidenceUpload("changes.csv", "deploy", null, null, null),
                        stream(content)))
                .hasMessageContaining("simulated failure");

        assertThat(evidenceRows(sha256(content))).isZero();
        assertThat(evidence.events(editor, incident)).isEmpty();
        assertThat(jdbc.sql("select count(*) from evidence_events where title like ?")
                        .param("%" + unique)
                        .query(Long.class)
                        .single())
                .isZero();

        org.mockito.Mockito.reset(stored);
        Ingested retried = evidence.attach(
                editor, incident, new EvidenceUpload("changes.csv", "deploy", null, null, null), stream(content));
        assertThat(retried.alreadyAttached()).isFalse();
        assertThat(evidence.events(editor, incident)).hasSize(EvidenceEvents.CHUNK * 2 + 50);
        assertThat(count("evidence_parses", sha256(content))).isEqualTo(1);
    }

    @Test
    void derivesLogEventsNearTheIncidentWindow() {
        OffsetDateTime start = OffsetDateTime.parse("2026-03-02T10:00:00Z");
        IncidentId timed = incidents
                .create(editor, withTimes("Timed " + unique, start, 5, 6, 20, 30))
                .id();
        StringBuilder log = new StringBuilder("2026-03-02T07:00:00Z INFO nightly job finished id=" + unique + "\n");
        for (int s = 0; s < 200; s++) {
            log.append(start.plusSeconds(s).toInstant())
                    .append(" ERROR upstream timeout calling payments attempt=")
                    .append(s)
                    .append('\n');
        }

        Evidence e = evidence.attach(
                        editor,
                        timed,
                        new EvidenceUpload("gw.log", "log", null, null, null),
                        stream(log.toString().getBytes(StandardCharsets.UTF_8)))
                .evidence();

        List<EvidenceEvent> events = evidence.events(editor, timed);
        assertThat(events)
                .extracting(EvidenceEvent::kind)
                .containsExactly(EvidenceEventKind.LOG_NEW_TEMPLATE, EvidenceEventKind.LOG_BURST);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.evidenceId()).isEqualTo(e.id());
            assertThat(event.at()).isEqualTo(start);
            assertThat(event.firstLine()).isEqualTo(2);
            assertThat(event.title()).contains("upstream timeout calling payments");
        });
        assertThat(evidence.rawLines(editor, timed, e.id(), 1, 2))
                .containsExactly(
                        "2026-03-02T07:00:00Z INFO nightly job finished id=" + unique,
                        "2026-03-02T10:00:00Z ERROR upstream timeout calling payments attempt=0");
        assertThat(evidence.rawLines(editor, timed, e.id(), 200, 260)).hasSize(2);
    }

    @Test
    void refusesBadLineRangesAndUnknownFormatsAndNonJsonPayloads() {
        Evidence e = evidence.attach(
                        editor,
                        incident,
                        new EvidenceUpload("am.json", "alert", null, null, null),
                        stream(alertPayload()))
                .evidence();
        assertThatThrownBy(() -> evidence.rawLines(editor, incident, e.id(), 0, 3))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> evidence.rawLines(editor, incident, e.id(), 5, 4))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> evidence.rawLines(editor, incident, e.id(), 1, 1 + EvidenceCollection.MAX_RAW_LINES))
                .isInstanceOf(InvalidInputException.class);

        byte[] notJson = ("ALERT disk full " + unique + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> evidence.attach(
                        editor, incident, new EvidenceUpload("a.json", "alert", null, null, null), stream(notJson)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.errors().getFirst().message()).contains("is not JSON"));
        assertThat(evidenceRows(sha256(notJson))).isZero();
        byte[] other = alertPayload();
        assertThatThrownBy(() -> evidence.attach(
                        editor, incident, new EvidenceUpload("a.json", "alert", null, null, "nagios"), stream(other)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.errors().getFirst().field()).isEqualTo("format"));
        assertThat(evidenceRows(sha256(other))).isZero();
    }

    @Test
    void sniffsTheKindOfAJsonPayloadWhenNoneIsChosen() {
        Evidence e = evidence.attach(
                        editor,
                        incident,
                        new EvidenceUpload("webhook-123.json", null, null, null, null),
                        stream(alertPayload()))
                .evidence();

        assertThat(e.kind()).isEqualTo(EvidenceKind.ALERT);
        assertThat(evidence.events(editor, incident)).hasSize(1);
    }
}
