package dev.hindsight.incident;

import static dev.hindsight.incident.IncidentFixtures.sev2;
import static dev.hindsight.incident.IncidentFixtures.with;
import static dev.hindsight.incident.IncidentFixtures.withPeople;
import static dev.hindsight.incident.IncidentFixtures.withTimes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.audit.AuditEntry;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.catalog.ServiceCatalog;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.testing.TestUsers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The incident rules, run against each database by a subclass. */
@SpringBootTest
@ActiveProfiles("test")
abstract class IncidentManagementContract {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    IncidentManagement incidents;

    @Autowired
    IncidentSettings settings;

    @Autowired
    Accounts accounts;

    @Autowired
    ServiceCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    Actor admin;
    Actor editor;
    String unique;

    @BeforeEach
    void setUp() {
        admin = TestUsers.admin(accounts);
        editor = TestUsers.create(accounts, "editor");
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    long incidentCount() {
        return jdbc.sql("select count(*) from incidents").query(Long.class).single();
    }

    @Test
    void opensIncidentWithKeyAndComputedDurations() {
        Incident created = incidents.create(editor, withTimes("Checkout " + unique, T0, 4, 9, 30, 95));

        assertThat(created.key()).matches("INC-\\d+");
        assertThat(IncidentId.parse(created.key())).contains(created.id());
        assertThat(created.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(created.keyTimes().timeToDetect()).isEqualTo(Duration.ofMinutes(4));
        assertThat(created.keyTimes().timeToAcknowledge()).isEqualTo(Duration.ofMinutes(5));
        assertThat(created.keyTimes().timeToMitigate()).isEqualTo(Duration.ofMinutes(30));
        assertThat(created.keyTimes().timeToResolve()).isEqualTo(Duration.ofMinutes(95));
        assertThat(incidents.get(editor, created.id())).isEqualTo(created);
    }

    @Test
    void keepsTimesWithOffsetsAsTheSameInstants() {
        OffsetDateTime paris = OffsetDateTime.of(2026, 3, 2, 11, 0, 0, 0, ZoneOffset.ofHours(1));
        Incident created = incidents.create(editor, withTimes("Offsets " + unique, paris, 1, 2, 3, 4));

        assertThat(created.keyTimes().startedAt().toInstant()).isEqualTo(T0.toInstant());
    }

    static Stream<Arguments> invalidForms() {
        IncidentForm base = sev2("Valid title");
        return Stream.of(
                        Arguments.of(
                                "missing title", (UnaryOperator<IncidentForm>) f -> replaceTitle(f, "  "), "title"),
                        Arguments.of(
                                "oversized title",
                                (UnaryOperator<IncidentForm>) f -> replaceTitle(f, "x".repeat(201)),
                                "title"),
                        Arguments.of(
                                "unknown severity",
                                (UnaryOperator<IncidentForm>) f -> with(f, "SEV9", null, List.of(), List.of()),
                                "severity"),
                        Arguments.of(
                                "missing severity",
                                (UnaryOperator<IncidentForm>) f -> with(f, null, null, List.of(), List.of()),
                                "severity"),
                        Arguments.of(
                                "unknown visibility",
                                (UnaryOperator<IncidentForm>) f -> with(f, "SEV2", "secret", List.of(), List.of()),
                                "visibility"),
                        Arguments.of(
                                "unknown service",
                                (UnaryOperator<IncidentForm>)
                                        f -> with(f, "SEV2", null, List.of("no-such-service"), List.of()),
                                "services"),
                        Arguments.of(
                                "bad tag",
                                (UnaryOperator<IncidentForm>)
                                        f -> with(f, "SEV2", null, List.of(), List.of("has space")),
                                "tags"),
                        Arguments.of(
                                "unknown commander",
                                (UnaryOperator<IncidentForm>) f -> withPeople(f, "nobody-here", List.of()),
                                "commander"),
                        Arguments.of(
                                "unknown participant",
                                (UnaryOperator<IncidentForm>) f -> withPeople(
                                        f, null, List.of(new IncidentForm.ParticipantEntry("nobody-here", "scribe"))),
                                "participants[0].username"),
                        Arguments.of(
                                "unknown role",
                                (UnaryOperator<IncidentForm>) f -> withPeople(
                                        f, null, List.of(new IncidentForm.ParticipantEntry("admin", "boss"))),
                                "participants[0].role"),
                        Arguments.of(
                                "detected before started",
                                (UnaryOperator<IncidentForm>) f -> withTimes(f.title(), T0, -5, 1, 2, 3),
                                "keyTimes.detectedAt"),
                        Arguments.of(
                                "resolved before mitigated",
                                (UnaryOperator<IncidentForm>) f -> withTimes(f.title(), T0, 1, 2, 30, 20),
                                "keyTimes.resolvedAt"),
                        Arguments.of(
                                "time in the future",
                                (UnaryOperator<IncidentForm>) f -> withTimes(
                                        f.title(), OffsetDateTime.now().plusDays(2), 1, 2, 3, 4),
                                "keyTimes.startedAt"),
                        Arguments.of(
                                "negative users",
                                (UnaryOperator<IncidentForm>) f -> replaceUsers(f, -1L),
                                "impact.usersAffected"),
                        Arguments.of(
                                "bad link",
                                (UnaryOperator<IncidentForm>) f -> replaceLink(f, "javascript:alert(1)"),
                                "links[0].url"),
                        Arguments.of(
                                "unknown custom field",
                                (UnaryOperator<IncidentForm>) f -> replaceFields(f, Map.of("nope", "x")),
                                "customFields.nope"),
                        Arguments.of(
                                "resolved time on an open incident",
                                (UnaryOperator<IncidentForm>) f -> openWithResolvedTime(f),
                                "keyTimes.resolvedAt"),
                        Arguments.of(
                                "oversized summary",
                                (UnaryOperator<IncidentForm>) f -> replaceSummary(f, "y".repeat(10_001)),
                                "summary"))
                .map(a -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], base));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidForms")
    void rejectsInvalidInputAndChangesNothing(
            String why, UnaryOperator<IncidentForm> change, String field, IncidentForm base) {
        long before = incidentCount();

        assertThatThrownBy(() -> incidents.create(editor, change.apply(base)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .anySatisfy(error -> assertThat(error.field()).isEqualTo(field)));
        assertThat(incidentCount()).isEqualTo(before);
    }

    @Test
    void checksCustomFieldsByType() {
        String key = "f" + unique;
        settings.defineField(admin, key + "_n", "Tickets", "number", false, null);
        settings.defineField(admin, key + "_c", "Region", "choice", true, List.of("eu", "us"));

        assertThatThrownBy(() -> incidents.create(
                        editor, replaceFields(sev2("t"), Map.of(key + "_n", "many", key + "_c", "eu"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).contains("customFields." + key + "_n"));
        assertThatThrownBy(() -> incidents.create(editor, replaceFields(sev2("t"), Map.of(key + "_c", "mars"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).contains("customFields." + key + "_c"));
        Incident ok = incidents.create(editor, replaceFields(sev2("t"), Map.of(key + "_n", "12", key + "_c", "us")));
        assertThat(ok.customFields()).containsEntry(key + "_c", "us").containsEntry(key + "_n", "12");
        settings.removeField(admin, key + "_n");
        settings.removeField(admin, key + "_c");
    }

    @Test
    void refusesAnEditBasedOnAnOldVersionAndKeepsTheOtherSave() {
        Incident created = incidents.create(editor, sev2("Original " + unique));
        Incident first = incidents.update(
                editor, created.id(), replaceTitle(IncidentForm.of(created), "First save"), created.version());

        assertThatThrownBy(() -> incidents.update(
                        editor, created.id(), replaceTitle(IncidentForm.of(created), "Second save"), created.version()))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(first.version()));
        assertThat(incidents.get(editor, created.id()).title()).isEqualTo("First save");
        assertThat(first.version()).isEqualTo(created.version() + 1);
    }

    @Test
    void recordsEveryChangeInTheAuditTrailWithBeforeAndAfter() {
        Incident created = incidents.create(editor, sev2("Audit " + unique));
        Incident edited = incidents.update(
                admin,
                created.id(),
                with(replaceTitle(IncidentForm.of(created), "Audited"), "SEV1", null, List.of(), List.of("db")),
                created.version());
        incidents.changeStatus(admin, created.id(), "identified", edited.version());

        List<AuditEntry> trail = incidents.auditTrail(admin, created.id());
        assertThat(trail).extracting(AuditEntry::action).containsExactly("status-changed", "updated", "created");
        assertThat(trail.get(1).actor()).isEqualTo("admin");
        assertThat(trail.get(2).actor()).isEqualTo(editor.username());
        assertThat(trail.get(1).changes())
                .contains(
                        new FieldChange("title", "Audit " + unique, "Audited"),
                        new FieldChange("severity", "SEV2", "SEV1"),
                        new FieldChange("tags", null, "db"));
        assertThat(trail.get(0).changes()).contains(new FieldChange("status", "investigating", "identified"));
    }

    @Test
    void showsRestrictedIncidentsOnlyToTheirPeopleAndAdmins() {
        Actor participant = TestUsers.create(accounts, "viewer");
        Actor outsider = TestUsers.create(accounts, "viewer");
        String tag = "secret-" + unique;
        IncidentForm form = withPeople(
                with(sev2("Key leak " + unique), "SEV2", "restricted", List.of(), List.of(tag)),
                null,
                List.of(new IncidentForm.ParticipantEntry(participant.username(), "responder")));
        Incident restricted = incidents.create(editor, form);
        IncidentFilter byTag = new IncidentFilter(List.of(), List.of(), null, null, tag, null, null, null);

        assertThatThrownBy(() -> incidents.get(outsider, restricted.id())).isInstanceOf(NotFoundException.class);
        assertThat(incidents.list(outsider, byTag, PageRequest.FIRST).total()).isZero();
        assertThat(incidents.list(outsider, byTag, PageRequest.FIRST).items()).isEmpty();
        assertThat(incidents.get(participant, restricted.id()).key()).isEqualTo(restricted.key());
        assertThat(incidents.list(participant, byTag, PageRequest.FIRST).total())
                .isEqualTo(1);
        assertThat(incidents.get(admin, restricted.id()).key()).isEqualTo(restricted.key());
        assertThat(incidents.list(admin, byTag, PageRequest.FIRST).total()).isEqualTo(1);
    }

    @Test
    void letsOnlyEditorsChangeIncidents() {
        Actor viewer = TestUsers.create(accounts, "viewer");
        assertThatThrownBy(() -> incidents.create(viewer, sev2("Nope"))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void allowsOnlyTheLifecycleMoves() {
        Incident created = incidents.create(editor, sev2("Lifecycle " + unique));
        Incident resolved = incidents.changeStatus(editor, created.id(), "resolved", created.version());
        assertThat(resolved.keyTimes().resolvedAt()).isNotNull();

        assertThatThrownBy(() -> incidents.changeStatus(editor, created.id(), "monitoring", resolved.version()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("status"));
        assertThatThrownBy(() -> incidents.changeStatus(editor, created.id(), "paused", resolved.version()))
                .isInstanceOf(InvalidInputException.class);

        Incident reopened = incidents.changeStatus(editor, created.id(), "investigating", resolved.version());
        assertThat(reopened.keyTimes().resolvedAt()).isNull();
        Incident closed = incidents.changeStatus(
                editor,
                created.id(),
                "closed",
                incidents
                        .changeStatus(editor, created.id(), "resolved", reopened.version())
                        .version());
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
    }

    @Test
    void setsOneKeyTimeAndKeepsTheOrder() {
        Incident created = incidents.create(editor, withTimes("Times " + unique, T0, 5, 6, 7, 8));
        Incident changed =
                incidents.setKeyTime(editor, created.id(), "detectedAt", T0.plusMinutes(2), created.version());
        assertThat(changed.keyTimes().timeToDetect()).isEqualTo(Duration.ofMinutes(2));

        assertThatThrownBy(() ->
                        incidents.setKeyTime(editor, created.id(), "detectedAt", T0.minusMinutes(1), changed.version()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void filtersSortsAndPagesTheList() {
        String team = "Team " + unique;
        var t = accounts.createTeam(admin, team, null, List.of());
        String svc = "svc-" + unique;
        catalog.create(admin, svc, null, t.id());
        String tag = "tag-" + unique;
        incidents.create(
                editor, with(withTimes("Alpha " + unique, T0, 1, 2, 3, 4), "SEV1", null, List.of(svc), List.of(tag)));
        incidents.create(
                editor,
                with(
                        withTimes("Beta " + unique, T0.plusDays(3), 1, 2, 3, 4),
                        "SEV3",
                        null,
                        List.of(svc),
                        List.of(tag)));
        incidents.create(editor, with(sev2("Gamma " + unique), "SEV3", null, List.of(), List.of(tag)));

        assertThat(titles(new IncidentFilter(List.of(), List.of(), null, null, tag, null, null, null)))
                .hasSize(3);
        assertThat(titles(new IncidentFilter(List.of(), List.of(new Severity(3)), null, null, tag, null, null, null)))
                .containsExactlyInAnyOrder("Beta " + unique, "Gamma " + unique);
        assertThat(titles(new IncidentFilter(
                        List.of(IncidentStatus.INVESTIGATING), List.of(), null, null, tag, null, null, null)))
                .containsExactly("Gamma " + unique);
        assertThat(titles(new IncidentFilter(List.of(), List.of(), svc, null, null, null, null, null)))
                .hasSize(2);
        assertThat(titles(new IncidentFilter(List.of(), List.of(), null, t.id(), null, null, null, null)))
                .hasSize(2);
        assertThat(titles(new IncidentFilter(
                        List.of(), List.of(), null, null, tag, T0.plusDays(1), T0.plusDays(5), null)))
                .containsExactly("Beta " + unique);
        assertThat(titles(new IncidentFilter(List.of(), List.of(), null, null, null, null, null, "ALPHA " + unique)))
                .containsExactly("Alpha " + unique);
        assertThat(titles(new IncidentFilter(List.of(), List.of(), null, null, null, null, null, "100%_" + unique)))
                .isEmpty();

        IncidentFilter all = new IncidentFilter(List.of(), List.of(), null, null, tag, null, null, null);
        Page<Incident> first = incidents.list(editor, all, new PageRequest(0, 2, IncidentSort.SEVERITY, false));
        Page<Incident> second = incidents.list(editor, all, new PageRequest(1, 2, IncidentSort.SEVERITY, false));
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).hasSize(2);
        assertThat(first.items().get(0).title()).isEqualTo("Alpha " + unique);
        assertThat(second.items()).hasSize(1);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasNext()).isFalse();
    }

    private List<String> titles(IncidentFilter filter) {
        return incidents.list(editor, filter, new PageRequest(0, 100, IncidentSort.KEY, false)).items().stream()
                .map(Incident::title)
                .toList();
    }

    static IncidentForm replaceTitle(IncidentForm f, String title) {
        return new IncidentForm(
                title,
                f.summary(),
                f.severity(),
                f.status(),
                f.visibility(),
                f.services(),
                f.impactDescription(),
                f.usersAffected(),
                f.errorBudgetConsumed(),
                f.startedAt(),
                f.detectedAt(),
                f.acknowledgedAt(),
                f.mitigatedAt(),
                f.resolvedAt(),
                f.commander(),
                f.participants(),
                f.tags(),
                f.links(),
                f.customFields());
    }

    static IncidentForm replaceSummary(IncidentForm f, String summary) {
        return new IncidentForm(
                f.title(),
                summary,
                f.severity(),
                f.status(),
                f.visibility(),
                f.services(),
                f.impactDescription(),
                f.usersAffected(),
                f.errorBudgetConsumed(),
                f.startedAt(),
                f.detectedAt(),
                f.acknowledgedAt(),
                f.mitigatedAt(),
                f.resolvedAt(),
                f.commander(),
                f.participants(),
                f.tags(),
                f.links(),
                f.customFields());
    }

    static IncidentForm replaceUsers(IncidentForm f, Long users) {
        return new IncidentForm(
                f.title(),
                f.summary(),
                f.severity(),
                f.status(),
                f.visibility(),
                f.services(),
                f.impactDescription(),
                users,
                f.errorBudgetConsumed(),
                f.startedAt(),
                f.detectedAt(),
                f.acknowledgedAt(),
                f.mitigatedAt(),
                f.resolvedAt(),
                f.commander(),
                f.participants(),
                f.tags(),
                f.links(),
                f.customFields());
    }

    static IncidentForm replaceLink(IncidentForm f, String url) {
        return new IncidentForm(
                f.title(),
                f.summary(),
                f.severity(),
                f.status(),
                f.visibility(),
                f.services(),
                f.impactDescription(),
                f.usersAffected(),
                f.errorBudgetConsumed(),
                f.startedAt(),
                f.detectedAt(),
                f.acknowledgedAt(),
                f.mitigatedAt(),
                f.resolvedAt(),
                f.commander(),
                f.participants(),
                f.tags(),
                List.of(new IncidentLink("x", url)),
                f.customFields());
    }

    static IncidentForm replaceFields(IncidentForm f, Map<String, String> fields) {
        return new IncidentForm(
                f.title(),
                f.summary(),
                f.severity(),
                f.status(),
                f.visibility(),
                f.services(),
                f.impactDescription(),
                f.usersAffected(),
                f.errorBudgetConsumed(),
                f.startedAt(),
                f.detectedAt(),
                f.acknowledgedAt(),
                f.mitigatedAt(),
                f.resolvedAt(),
                f.commander(),
                f.participants(),
                f.tags(),
                f.links(),
                fields);
    }

    static IncidentForm openWithResolvedTime(IncidentForm f) {
        IncidentForm timed = withTimes(f.title(), T0, 1, 2, 3, 4);
        return new IncidentForm(
                timed.title(),
                timed.summary(),
                timed.severity(),
                "investigating",
                timed.visibility(),
                timed.services(),
                timed.impactDescription(),
                timed.usersAffected(),
                timed.errorBudgetConsumed(),
                timed.startedAt(),
                timed.detectedAt(),
                timed.acknowledgedAt(),
                timed.mitigatedAt(),
                timed.resolvedAt(),
                timed.commander(),
                timed.participants(),
                timed.tags(),
                timed.links(),
                timed.customFields());
    }
}
