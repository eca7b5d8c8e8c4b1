package dev.hindsight.timeline;

import static dev.hindsight.incident.IncidentFixtures.with;
import static dev.hindsight.timeline.TimelineFixtures.FIRST_LINE;
import static dev.hindsight.timeline.TimelineFixtures.SECOND_LINE;
import static dev.hindsight.timeline.TimelineFixtures.STARTED;
import static dev.hindsight.timeline.TimelineFixtures.timedIncident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.audit.AuditEntry;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.testing.TestUsers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The timeline rules (proposals, curation, key moments, statements, versions, audit, visibility), on each database. */
@SpringBootTest
@ActiveProfiles("test")
abstract class IncidentTimelineContract {

    static final TimelineFilter ALL = new TimelineFilter(Set.of(EntryStatus.values()), Set.of(), Set.of(), true);

    @Autowired
    IncidentTimeline timeline;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    EvidenceCollection evidence;

    @Autowired
    AuditTrail audit;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    Actor admin;
    Actor editor;
    Actor viewer;
    String unique;
    IncidentId incident;

    @BeforeEach
    void setUp() {
        admin = TestUsers.admin(accounts);
        editor = TestUsers.create(accounts, "editor");
        viewer = TestUsers.create(accounts, "viewer");
        unique = UUID.randomUUID().toString().substring(0, 8);
        incident = TimelineFixtures.incidentWithLog(incidents, evidence, editor, timedIncident("Timeline " + unique));
    }

    List<TimelineEntry> entries() {
        return timeline.entries(editor, incident, TimelineFilter.DEFAULT);
    }

    TimelineEntry first() {
        return entries().getFirst();
    }

    TimelineEntry second() {
        return entries().get(1);
    }

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    List<AuditEntry> auditOf(String action) {
        return audit.forIncident(incident.value()).stream()
                .filter(e -> e.action().equals(action))
                .toList();
    }

    static List<String> fields(InvalidInputException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void proposesTheFirstOccurrenceOfEachLogTemplateLinkedToItsRawLine() {
        List<TimelineEntry> entries = entries();

        assertThat(entries).hasSize(2);
        assertThat(entries).extracting(TimelineEntry::at).containsExactly(FIRST_LINE, SECOND_LINE);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(EntryStatus.PROPOSED);
            assertThat(e.kind()).isEqualTo(SourceKinds.LOG_NEW_TEMPLATE);
            assertThat(e.source()).isEqualTo("checkout.log");
            assertThat(e.version()).isZero();
            assertThat(e.ref()).matches("E\\d+\\.\\d+");
        });
        assertThat(entries.get(1).text()).contains("payment declined");
        assertThat(entries).extracting(TimelineEntry::firstLine).containsExactly(1L, 2L);

        RawExcerpt raw = timeline.rawLines(editor, incident, entries.get(1).ref(), 3);
        assertThat(raw.firstLine()).isEqualTo(1);
        assertThat(raw.fromLine()).isEqualTo(2);
        assertThat(raw.lines()).hasSize(2);
        assertThat(raw.lines().get(1)).startsWith("2026-03-02T10:00:02Z ERROR payment declined");
    }

    @Test
    void acceptsHidesAndRestoresWithVersionsAndAuditsEachChange() {
        TimelineEntry proposed = first();

        TimelineEntry accepted = timeline.accept(editor, incident, proposed.ref(), 0);

        assertThat(accepted.status()).isEqualTo(EntryStatus.ACCEPTED);
        assertThat(accepted.version()).isEqualTo(1);
        assertThat(auditOf("timeline-accepted")).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo(editor.username());
            assertThat(a.summary()).contains(proposed.ref());
            assertThat(a.changes()).anySatisfy(c -> {
                assertThat(c.field()).isEqualTo("status");
                assertThat(c.before()).isEqualTo("proposed");
                assertThat(c.after()).isEqualTo("accepted");
            });
        });

        assertThatThrownBy(() -> timeline.hide(editor, incident, proposed.ref(), 0))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(1));
        assertThat(timeline.entry(editor, incident, proposed.ref()).status()).isEqualTo(EntryStatus.ACCEPTED);

        TimelineEntry hidden = timeline.hide(editor, incident, proposed.ref(), 1);
        assertThat(hidden.status()).isEqualTo(EntryStatus.HIDDEN);
        assertThat(entries()).extracting(TimelineEntry::ref).doesNotContain(proposed.ref());
        assertThat(timeline.entries(
                        editor, incident, new TimelineFilter(Set.of(EntryStatus.HIDDEN), Set.of(), Set.of(), false)))
                .extracting(TimelineEntry::ref)
                .containsExactly(proposed.ref());

        TimelineEntry restored = timeline.restore(editor, incident, proposed.ref(), 2);
        assertThat(restored.status()).isEqualTo(EntryStatus.PROPOSED);
        assertThat(restored.version()).isEqualTo(3);
        assertThat(auditOf("timeline-hidden")).hasSize(1);
        assertThat(auditOf("timeline-restored")).hasSize(1);
    }

    @Test
    void editsTheTextKeepingTheSourcesAndBlankGoesBackToIt() {
        TimelineEntry entry = second();

        TimelineEntry edited =
                timeline.edit(editor, incident, entry.ref(), new EntryForm(null, "  Card declines begin "), 0);

        assertThat(edited.text()).isEqualTo("Card declines begin");
        assertThat(edited.edited()).isTrue();
        assertThat(edited.originalText()).isEqualTo(entry.text());
        assertThat(edited.at()).isEqualTo(SECOND_LINE);
        assertThat(auditOf("timeline-edited"))
                .singleElement()
                .satisfies(a -> assertThat(a.changes())
                        .anySatisfy(c -> assertThat(c.after()).isEqualTo("Card declines begin")));

        TimelineEntry back = timeline.edit(editor, incident, entry.ref(), new EntryForm(null, " "), 1);
        assertThat(back.text()).isEqualTo(entry.text());
        assertThat(back.edited()).isFalse();
    }

    @Test
    void annotatesAnEntryAndRefusesABlankNoteChangingNothing() {
        TimelineEntry entry = first();

        TimelineEntry annotated = timeline.annotate(editor, incident, entry.ref(), "Seen by the on-call first");

        assertThat(annotated.notes()).singleElement().satisfies(n -> {
            assertThat(n.author()).isEqualTo(editor.username());
            assertThat(n.text()).isEqualTo("Seen by the on-call first");
        });
        assertThat(auditOf("timeline-annotated")).hasSize(1);
        long notes = rows("timeline_notes");

        assertThatThrownBy(() -> timeline.annotate(editor, incident, entry.ref(), "   "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("note"));
        assertThatThrownBy(() -> timeline.annotate(editor, incident, entry.ref(), "bell \u0007"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(rows("timeline_notes")).isEqualTo(notes);
        assertThat(auditOf("timeline-annotated")).hasSize(1);
    }

    @Test
    void mergesDuplicatesIntoOneEntryAndUnmergesThem() {
        TimelineEntry target = first();
        TimelineEntry duplicate = second();

        TimelineEntry merged = timeline.merge(editor, incident, target.ref(), 0, List.of(duplicate.ref()));

        assertThat(merged.absorbed()).containsExactly(duplicate.ref());
        TimelineEntry absorbed = timeline.entry(editor, incident, duplicate.ref());
        assertThat(absorbed.status()).isEqualTo(EntryStatus.MERGED);
        assertThat(absorbed.mergedInto()).isEqualTo(target.ref());
        assertThat(entries()).extracting(TimelineEntry::ref).containsExactly(target.ref());
        assertThat(auditOf("timeline-merged"))
                .singleElement()
                .satisfies(
                        a -> assertThat(a.summary()).contains(duplicate.ref()).contains(target.ref()));

        TimelineEntry out = timeline.unmerge(editor, incident, duplicate.ref(), absorbed.version());
        assertThat(out.status()).isEqualTo(EntryStatus.PROPOSED);
        assertThat(out.mergedInto()).isNull();
        assertThat(entries()).hasSize(2);
    }

    @Test
    void refusesBadMergesChangingNothing() {
        TimelineEntry target = first();
        long before = rows("timeline_entries");

        assertThatThrownBy(() -> timeline.merge(editor, incident, target.ref(), 0, List.of(target.ref())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("entries"));
        assertThatThrownBy(() -> timeline.merge(editor, incident, target.ref(), 0, List.of("E999999.1", "nonsense")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("entries", "entries"));
        assertThatThrownBy(() -> timeline.merge(editor, incident, target.ref(), 0, List.of()))
                .isInstanceOf(InvalidInputException.class);

        assertThat(rows("timeline_entries")).isEqualTo(before);
        assertThat(auditOf("timeline-merged")).isEmpty();
    }

    @Test
    void addsManualEntriesAcceptedAtTheirTimeAndRefusesBadOnes() {
        TimelineEntry added = timeline.addManual(
                editor, incident, new EntryForm("2026-03-02T11:00:05+01:00", "Rolled back the fraud rules"));

        assertThat(added.ref()).matches("M\\d+");
        assertThat(added.origin()).isEqualTo("manual");
        assertThat(added.status()).isEqualTo(EntryStatus.ACCEPTED);
        assertThat(added.at()).isEqualTo(OffsetDateTime.parse("2026-03-02T10:00:05Z"));
        assertThat(entries())
                .extracting(TimelineEntry::ref)
                .containsExactly(first().ref(), second().ref(), added.ref());
        assertThat(auditOf("timeline-entry-added")).hasSize(1);

        TimelineEntry moved = timeline.edit(
                editor, incident, added.ref(), new EntryForm("2026-03-02T09:59:00Z", "Rolled back fraud rules"), 1);
        assertThat(moved.at()).isEqualTo(OffsetDateTime.parse("2026-03-02T09:59:00Z"));
        assertThat(entries().getFirst().ref()).isEqualTo(added.ref());

        long before = rows("timeline_entries");
        assertThatThrownBy(() -> timeline.addManual(editor, incident, new EntryForm("yesterday", " ")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("time", "text"));
        assertThatThrownBy(() -> timeline.addManual(editor, incident, new EntryForm("2026-03-02T10:00:00", "x")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() ->
                        timeline.addManual(editor, incident, new EntryForm("2026-03-02T10:00:00Z", "x".repeat(2001))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(rows("timeline_entries")).isEqualTo(before);
    }

    @Test
    void markingAnEntryDetectedSetsTheIncidentsDetectedTimeAndSoItsTimeToDetect() {
        Incident before = incidents.get(editor, incident);
        assertThat(before.keyTimes().timeToDetect()).isEqualTo(Duration.ofMinutes(30));
        TimelineEntry entry = second();

        TimelineEntry marked = timeline.mark(editor, incident, entry.ref(), "detected", 0, null);

        assertThat(marked.keyMoment()).isEqualTo(KeyMoment.DETECTED);
        assertThat(marked.status()).isEqualTo(EntryStatus.ACCEPTED);
        Incident after = incidents.get(editor, incident);
        assertThat(after.keyTimes().detectedAt()).isEqualTo(SECOND_LINE);
        assertThat(after.keyTimes().timeToDetect()).isEqualTo(Duration.between(STARTED, SECOND_LINE));
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(auditOf("timeline-key-moment"))
                .singleElement()
                .satisfies(a -> assertThat(a.summary()).contains("detected"));
        assertThat(auditOf("key-time-set")).hasSize(1);

        TimelineEntry other = timeline.mark(editor, incident, first().ref(), "detected", 0, after.version());
        assertThat(other.keyMoment()).isEqualTo(KeyMoment.DETECTED);
        assertThat(timeline.entry(editor, incident, entry.ref()).keyMoment()).isNull();
        assertThat(incidents.get(editor, incident).keyTimes().detectedAt()).isEqualTo(FIRST_LINE);

        TimelineEntry unmarked = timeline.unmark(editor, incident, other.ref(), other.version());
        assertThat(unmarked.keyMoment()).isNull();
        assertThat(incidents.get(editor, incident).keyTimes().detectedAt()).isEqualTo(FIRST_LINE);
        assertThat(auditOf("timeline-key-moment-cleared")).hasSize(1);
    }

    @Test
    void refusesAKeyMomentOutOfOrderOrStaleChangingNothing() {
        TimelineEntry entry = first();
        Incident before = incidents.get(editor, incident);

        assertThatThrownBy(() -> timeline.mark(editor, incident, entry.ref(), "resolved", 0, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).contains("keyTimes.resolvedAt"));
        assertThatThrownBy(() -> timeline.mark(editor, incident, entry.ref(), "solved", 0, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("moment"));
        assertThatThrownBy(() -> timeline.mark(editor, incident, entry.ref(), "detected", 0, before.version() - 1))
                .isInstanceOf(ConflictException.class);

        TimelineEntry unchanged = timeline.entry(editor, incident, entry.ref());
        assertThat(unchanged.status()).isEqualTo(EntryStatus.PROPOSED);
        assertThat(unchanged.keyMoment()).isNull();
        assertThat(unchanged.version()).isZero();
        Incident after = incidents.get(editor, incident);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.keyTimes()).isEqualTo(before.keyTimes());
        assertThat(auditOf("timeline-key-moment")).isEmpty();
    }

    @Test
    void recordsAStatementOnTheTimelineLinkedToEntries() {
        TimelineEntry entry = second();

        Statement statement = timeline.addStatement(
                editor,
                incident,
                new StatementForm(
                        "I saw the declines on the dashboard\nand paged payments.",
                        List.of("2026-03-02T11:00:30+01:00", "2026-03-02T10:05:00Z"),
                        List.of(entry.ref()),
                        true));

        assertThat(statement.author()).isEqualTo(editor.username());
        assertThat(statement.times())
                .containsExactly(
                        OffsetDateTime.parse("2026-03-02T10:00:30Z"), OffsetDateTime.parse("2026-03-02T10:05:00Z"));
        assertThat(statement.linkedEntries()).containsExactly(entry.ref());
        assertThat(statement.entryRef()).matches("M\\d+");
        TimelineEntry onTimeline = timeline.entry(editor, incident, statement.entryRef());
        assertThat(onTimeline.kind()).isEqualTo("STATEMENT");
        assertThat(onTimeline.at()).isEqualTo(OffsetDateTime.parse("2026-03-02T10:00:30Z"));
        assertThat(onTimeline.text()).startsWith("I saw the declines");
        assertThat(timeline.entry(editor, incident, entry.ref()).statementIds()).containsExactly(statement.id());
        assertThat(auditOf("statement-added")).hasSize(1);

        Statement relinked =
                timeline.linkStatement(editor, incident, statement.id(), List.of(first().ref(), entry.ref()), 1);
        assertThat(relinked.linkedEntries()).containsExactlyInAnyOrder(first().ref(), entry.ref());
        assertThat(relinked.version()).isEqualTo(2);
        assertThatThrownBy(() -> timeline.linkStatement(editor, incident, statement.id(), List.of(), 1))
                .isInstanceOf(ConflictException.class);
        assertThat(timeline.statements(editor, incident))
                .singleElement()
                .satisfies(s -> assertThat(s.linkedEntries()).hasSize(2));
    }

    @Test
    void refusesABadStatementStoringNothing() {
        long statements = rows("timeline_statements");

        assertThatThrownBy(() -> timeline.addStatement(
                        editor, incident, new StatementForm(" ", List.of(), List.of("E424242.1"), true)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("text", "times", "linkedEntries"));
        assertThatThrownBy(() -> timeline.addStatement(
                        editor, incident, new StatementForm("ok", List.of("10:00"), List.of(), false)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("times"));

        assertThat(rows("timeline_statements")).isEqualTo(statements);
        assertThat(auditOf("statement-added")).isEmpty();
    }

    @Test
    void viewersReadButNeitherCurateNorWriteStatementsUnlessInvolved() {
        TimelineEntry entry = first();

        assertThat(timeline.entries(viewer, incident, TimelineFilter.DEFAULT)).hasSize(2);
        assertThatThrownBy(() -> timeline.accept(viewer, incident, entry.ref(), 0))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> timeline.addManual(viewer, incident, new EntryForm("2026-03-02T10:00:00Z", "x")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> timeline.addStatement(
                        viewer, incident, new StatementForm("x", List.of("2026-03-02T10:00:00Z"), List.of(), false)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(timeline.entry(editor, incident, entry.ref()).version()).isZero();
    }

    @Test
    void keepsARestrictedIncidentsTimelineFromOutsiders() {
        IncidentId secret = TimelineFixtures.incidentWithLog(
                incidents,
                evidence,
                editor,
                with(timedIncident("Secret " + unique), "SEV2", "restricted", List.of(), List.of()));
        Actor outsider = TestUsers.create(accounts, "editor");
        String ref = timeline.entries(editor, secret, TimelineFilter.DEFAULT)
                .getFirst()
                .ref();

        assertThatThrownBy(() -> timeline.entries(outsider, secret, ALL)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> timeline.entry(outsider, secret, ref)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> timeline.statements(outsider, secret)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> timeline.accept(outsider, secret, ref, 0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> timeline.rawLines(outsider, secret, ref, 3)).isInstanceOf(NotFoundException.class);
        assertThat(timeline.entries(admin, secret, TimelineFilter.DEFAULT)).hasSize(2);
    }

    @Test
    void answersNotFoundForAnEntryThatIsNotOnTheIncident() {
        assertThatThrownBy(() -> timeline.entry(editor, incident, "E999999.1")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> timeline.accept(editor, incident, "M999999", 0))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> timeline.entry(editor, incident, "drop table")).isInstanceOf(NotFoundException.class);
    }
}
