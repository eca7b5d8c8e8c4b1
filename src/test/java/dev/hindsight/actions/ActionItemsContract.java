package dev.hindsight.actions;

import static dev.hindsight.incident.IncidentFixtures.sev2;
import static dev.hindsight.incident.IncidentFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.FactorForm;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.audit.AuditEntry;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.Page;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.testing.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The action item rules (validation, lifecycle, factor links, plan, board, visibility), on each database. */
@SpringBootTest
@ActiveProfiles("test")
abstract class ActionItemsContract {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Autowired
    ActionItems actions;

    @Autowired
    RootCauseAnalysis analysis;

    @Autowired
    IncidentManagement incidents;

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
        incident = incidents.create(editor, sev2("Actions " + unique)).id();
    }

    static ActionForm action(String title) {
        return new ActionForm(title, null, "prevent", "P2", null, null, null, null, null, List.of());
    }

    static ActionForm action(String title, String priority, String owner, String dueDate, List<Long> factorIds) {
        return new ActionForm(title, null, "prevent", priority, owner, null, dueDate, null, null, factorIds);
    }

    ContributingFactor rootCause(IncidentId id, String title) {
        return analysis.add(editor, id, new FactorForm("ROOT_CAUSE", title, "configuration", null, null, List.of()));
    }

    long actionCount() {
        return jdbc.sql("select count(*) from action_items").query(Long.class).single();
    }

    List<AuditEntry> auditOf(IncidentId id, String action) {
        return audit.forIncident(id.value()).stream()
                .filter(e -> e.action().equals(action))
                .toList();
    }

    static List<String> fields(InvalidInputException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    ActionFilter onIncident() {
        return new ActionFilter(null, null, List.of(), List.of(), List.of(), false, incident, false, TODAY);
    }

    List<String> titles(Page<ActionItem> page) {
        return page.items().stream().map(ActionItem::title).toList();
    }

    @Test
    void addsAnOpenActionWithEveryFieldAndRecordsItInTheAuditTrail() {
        String team = "sre-" + unique;
        accounts.createTeam(admin, team, null, List.of());
        ContributingFactor cause = rootCause(incident, "Pool size lowered");

        ActionItem added = actions.add(
                editor,
                incident,
                new ActionForm(
                        "  Alert on pool saturation  ",
                        "Page when the pool is 90% used",
                        "Detect",
                        "p1",
                        editor.username(),
                        team,
                        "2026-04-01",
                        "m",
                        "https://tracker.example.com/OPS-12",
                        List.of(cause.id())));

        assertThat(added.key()).isEqualTo("ACT-" + added.id().value());
        assertThat(added.title()).isEqualTo("Alert on pool saturation");
        assertThat(added.type()).isEqualTo(ActionType.DETECT);
        assertThat(added.priority()).isEqualTo(ActionPriority.P1);
        assertThat(added.ownerName()).isEqualTo(editor.username());
        assertThat(added.teamName()).isEqualTo(team);
        assertThat(added.dueDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(added.effort()).isEqualTo(Effort.M);
        assertThat(added.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(added.factorIds()).containsExactly(cause.id());
        assertThat(added.completedAt()).isNull();
        assertThat(actions.get(viewer, added.id())).isEqualTo(added);
        AuditEntry entry = auditOf(incident, "action-added").getFirst();
        assertThat(entry.summary()).contains(added.key(), "Alert on pool saturation");
        assertThat(entry.changes())
                .contains(new FieldChange("priority", null, "P1"), new FieldChange("owner", null, editor.username()));
    }

    @Test
    void rejectsEveryBrokenRuleAtOnceAndStoresNothing() {
        long before = actionCount();

        assertThatThrownBy(() -> actions.add(
                        editor,
                        incident,
                        new ActionForm(
                                " ",
                                "x".repeat(5001),
                                "fix",
                                "P4",
                                "nobody-" + unique,
                                "no-team-" + unique,
                                "31/03/2026",
                                "XL",
                                "ftp://tracker/OPS-1",
                                List.of())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e))
                                .containsExactlyInAnyOrder(
                                        "title",
                                        "description",
                                        "type",
                                        "priority",
                                        "owner",
                                        "team",
                                        "dueDate",
                                        "effort",
                                        "ticketUrl"));
        assertThatThrownBy(() -> actions.add(
                        editor,
                        incident,
                        new ActionForm("t", null, null, null, null, null, null, null, "not a url", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactlyInAnyOrder("type", "priority", "ticketUrl"));
        assertThat(actionCount()).isEqualTo(before);
        assertThat(auditOf(incident, "action-added")).isEmpty();
    }

    @Test
    void acceptsTitlesUpTo200CharactersAndRefusesLongerOnes() {
        assertThat(actions.add(editor, incident, action("a".repeat(200))).title())
                .hasSize(200);
        assertThatThrownBy(() -> actions.add(editor, incident, action("a".repeat(201))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("title"));
    }

    @Test
    void linksOnlyFactorsOfTheSameIncident() {
        IncidentId other = incidents.create(editor, sev2("Other " + unique)).id();
        ContributingFactor foreign = rootCause(other, "Someone else's cause");
        ContributingFactor own = rootCause(incident, "Our cause");
        long before = actionCount();

        assertThatThrownBy(() -> actions.add(editor, incident, action("Fix", "P2", null, null, List.of(foreign.id()))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("factorIds"));
        assertThatThrownBy(() -> actions.add(editor, incident, action("Fix", "P2", null, null, List.of(-1L))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(actionCount()).isEqualTo(before);

        ActionItem linked = actions.add(editor, incident, action("Fix", "P2", null, null, List.of(own.id(), own.id())));
        assertThat(linked.factorIds()).containsExactly(own.id());
        assertThatThrownBy(() ->
                        actions.update(editor, linked.id(), action("Fix", "P2", null, null, List.of(foreign.id())), 0))
                .isInstanceOf(InvalidInputException.class);
        assertThat(actions.get(editor, linked.id()).factorIds()).containsExactly(own.id());
    }

    @Test
    void movesThroughTheLifecycleAndNeedsAReasonToNotDoAnAction() {
        ActionItem a = actions.add(editor, incident, action("Add canary stage"));

        ActionItem started = actions.changeStatus(editor, a.id(), "in progress", null, 0);
        assertThat(started.status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThatThrownBy(() -> actions.changeStatus(editor, a.id(), "done", "because", 1))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("reason"));
        ActionItem done = actions.changeStatus(editor, a.id(), "done", null, 1);
        assertThat(done.status()).isEqualTo(ActionStatus.DONE);
        assertThat(done.completedAt()).isNotNull();
        assertThatThrownBy(() -> actions.changeStatus(editor, a.id(), "in_progress", null, 2))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().message())
                                .contains("cannot go from done to in_progress"));

        ActionItem reopened = actions.changeStatus(editor, a.id(), "open", null, 2);
        assertThat(reopened.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(reopened.completedAt()).isNull();

        assertThatThrownBy(() -> actions.changeStatus(editor, a.id(), "won't do", "  ", 3))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("reason"));
        assertThat(actions.get(editor, a.id()).status()).isEqualTo(ActionStatus.OPEN);
        ActionItem dropped = actions.changeStatus(editor, a.id(), "wont_do", "Covered by the platform team", 3);
        assertThat(dropped.status()).isEqualTo(ActionStatus.WONT_DO);
        assertThat(dropped.wontDoReason()).isEqualTo("Covered by the platform team");
        assertThat(actions.changeStatus(editor, a.id(), "open", null, 4).wontDoReason())
                .isNull();
        assertThatThrownBy(() -> actions.changeStatus(editor, a.id(), "closed", null, 5))
                .isInstanceOf(InvalidInputException.class);

        assertThat(auditOf(incident, "action-status"))
                .extracting(AuditEntry::summary)
                .anySatisfy(s -> assertThat(s).contains("open → wont_do (Covered by the platform team)"))
                .hasSize(5);
    }

    @Test
    void listsCausesWithNoActionAndActionsWithNoCause() {
        ContributingFactor covered = rootCause(incident, "Covered cause");
        ContributingFactor forgotten = rootCause(incident, "Forgotten cause");
        ActionItem linked = actions.add(editor, incident, action("Linked", "P1", null, null, List.of(covered.id())));
        ActionItem loose = actions.add(editor, incident, action("Loose"));

        ActionPlan plan = actions.planOf(viewer, incident);

        assertThat(plan.actions()).containsExactly(linked, loose);
        assertThat(plan.causesWithoutAction())
                .extracting(ContributingFactor::id)
                .containsExactly(forgotten.id());
        assertThat(plan.actionsWithoutCause()).containsExactly(loose);

        actions.update(editor, loose.id(), action("Loose", "P2", null, null, List.of(forgotten.id())), 0);
        ActionPlan after = actions.planOf(viewer, incident);
        assertThat(after.causesWithoutAction()).isEmpty();
        assertThat(after.actionsWithoutCause()).isEmpty();
    }

    @Test
    void filtersTheBoardByOwnerTeamStatusPriorityTypeAndMine() {
        Actor owner = TestUsers.create(accounts, "editor");
        var team = accounts.createTeam(admin, "team-" + unique, null, List.of());
        actions.add(editor, incident, action("Mine", "P0", owner.username(), null, List.of()));
        actions.add(
                editor,
                incident,
                new ActionForm("Teamed", null, "process", "P3", null, team.name(), null, null, null, null));
        ActionItem done = actions.add(editor, incident, action("Finished"));
        actions.changeStatus(editor, done.id(), "done", null, 0);
        ActionFilter all = onIncident();

        assertThat(titles(actions.board(editor, all, ActionSort.PRIORITY, 0, 10)))
                .containsExactly("Mine", "Finished", "Teamed");
        assertThat(titles(actions.board(
                        editor,
                        new ActionFilter(
                                owner.userId(), null, List.of(), List.of(), List.of(), false, null, false, TODAY),
                        ActionSort.DUE,
                        0,
                        10)))
                .containsExactly("Mine");
        assertThat(titles(actions.board(
                        owner,
                        new ActionFilter(null, null, List.of(), List.of(), List.of(), false, null, true, TODAY),
                        ActionSort.DUE,
                        0,
                        10)))
                .containsExactly("Mine");
        assertThat(titles(actions.board(
                        editor,
                        new ActionFilter(null, team.id(), List.of(), List.of(), List.of(), false, null, false, TODAY),
                        ActionSort.DUE,
                        0,
                        10)))
                .containsExactly("Teamed");
        assertThat(titles(actions.board(
                        editor,
                        new ActionFilter(
                                null,
                                null,
                                List.of(ActionStatus.DONE),
                                List.of(),
                                List.of(),
                                false,
                                incident,
                                false,
                                TODAY),
                        ActionSort.DUE,
                        0,
                        10)))
                .containsExactly("Finished");
        assertThat(titles(actions.board(
                        editor,
                        new ActionFilter(
                                null,
                                null,
                                List.of(),
                                List.of(ActionPriority.P0, ActionPriority.P3),
                                List.of(),
                                false,
                                incident,
                                false,
                                TODAY),
                        ActionSort.PRIORITY,
                        0,
                        10)))
                .containsExactly("Mine", "Teamed");
        assertThat(titles(actions.board(
                        editor,
                        new ActionFilter(
                                null,
                                null,
                                List.of(),
                                List.of(),
                                List.of(ActionType.PROCESS),
                                false,
                                incident,
                                false,
                                TODAY),
                        ActionSort.DUE,
                        0,
                        10)))
                .containsExactly("Teamed");
    }

    @Test
    void findsOverdueActionsOnAGivenDayAndSortsAndPagesByDueDate() {
        actions.add(editor, incident, action("Due yesterday", "P2", null, "2026-03-09", List.of()));
        actions.add(editor, incident, action("Due today", "P2", null, "2026-03-10", List.of()));
        actions.add(editor, incident, action("No due date", "P2", null, null, List.of()));
        ActionItem doneLate = actions.add(editor, incident, action("Done late", "P2", null, "2026-03-01", List.of()));
        actions.changeStatus(editor, doneLate.id(), "done", null, 0);
        ActionFilter overdue =
                new ActionFilter(null, null, List.of(), List.of(), List.of(), true, incident, false, TODAY);

        Page<ActionItem> page = actions.board(editor, overdue, ActionSort.DUE, 0, 10);
        assertThat(titles(page)).containsExactly("Due yesterday");
        assertThat(page.items().getFirst().overdueOn(TODAY)).isTrue();

        Page<ActionItem> first = actions.board(editor, onIncident(), ActionSort.DUE, 0, 2);
        Page<ActionItem> second = actions.board(editor, onIncident(), ActionSort.DUE, 1, 2);
        assertThat(first.total()).isEqualTo(4);
        assertThat(titles(first)).containsExactly("Done late", "Due yesterday");
        assertThat(titles(second)).containsExactly("Due today", "No due date");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void keepsActionsOfRestrictedIncidentsFromPeopleWhoMayNotSeeThem() {
        IncidentId secret = incidents
                .create(editor, with(sev2("Secret " + unique), "SEV2", "restricted", List.of(), List.of()))
                .id();
        ActionItem hidden = actions.add(editor, secret, action("Secret action"));
        Actor outsider = TestUsers.create(accounts, "editor");
        ActionFilter onSecret =
                new ActionFilter(null, null, List.of(), List.of(), List.of(), false, secret, false, TODAY);
        ActionFilter ownedByEditor =
                new ActionFilter(editor.userId(), null, List.of(), List.of(), List.of(), false, null, false, TODAY);
        actions.add(editor, incident, action("Visible", "P2", editor.username(), null, List.of()));
        actions.update(editor, hidden.id(), action("Secret action", "P2", editor.username(), null, List.of()), 0);

        Page<ActionItem> seen = actions.board(outsider, ownedByEditor, ActionSort.DUE, 0, 10);
        assertThat(titles(seen)).containsExactly("Visible");
        assertThat(seen.total()).isEqualTo(1);
        assertThat(actions.board(outsider, onSecret, ActionSort.DUE, 0, 10).total())
                .isZero();
        assertThatThrownBy(() -> actions.get(outsider, hidden.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actions.planOf(outsider, secret)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actions.changeStatus(outsider, hidden.id(), "done", null, 1))
                .isInstanceOf(NotFoundException.class);

        assertThat(actions.board(editor, ownedByEditor, ActionSort.DUE, 0, 10).total())
                .isEqualTo(2);
        assertThat(actions.board(admin, onSecret, ActionSort.DUE, 0, 10).total())
                .isEqualTo(1);
    }

    @Test
    void refusesAnEditBasedOnAStaleVersionAndChangesNothing() {
        ActionItem a = actions.add(editor, incident, action("Original"));
        actions.update(editor, a.id(), action("First edit"), 0);

        assertThatThrownBy(() -> actions.update(editor, a.id(), action("Second edit"), 0))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(1));
        assertThatThrownBy(() -> actions.changeStatus(editor, a.id(), "done", null, 0))
                .isInstanceOf(ConflictException.class);
        ActionItem now = actions.get(editor, a.id());
        assertThat(now.title()).isEqualTo("First edit");
        assertThat(now.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(auditOf(incident, "action-updated"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.changes()).containsExactly(new FieldChange("title", "Original", "First edit")));
    }

    @Test
    void letsViewersReadActionsButNotChangeThem() {
        ActionItem a = actions.add(editor, incident, action("Read only"));

        assertThat(actions.actionsOf(viewer, incident)).containsExactly(a);
        assertThatThrownBy(() -> actions.add(viewer, incident, action("Nope"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> actions.update(viewer, a.id(), action("Nope"), 0))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> actions.changeStatus(viewer, a.id(), "done", null, 0))
                .isInstanceOf(ForbiddenException.class);
        assertThat(actions.get(editor, a.id()).version()).isZero();
    }
}
