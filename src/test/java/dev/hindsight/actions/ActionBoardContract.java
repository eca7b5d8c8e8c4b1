package dev.hindsight.actions;

import static dev.hindsight.incident.IncidentFixtures.sev2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
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
import org.springframework.test.context.ActiveProfiles;

/** Board follow-up rules: saved views and bulk changes, on each database. */
@SpringBootTest
@ActiveProfiles("test")
abstract class ActionBoardContract {

    @Autowired
    ActionItems actions;

    @Autowired
    SavedViews views;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    AuditTrail audit;

    @Autowired
    Accounts accounts;

    Actor editor;
    Actor otherEditor;
    Actor viewer;
    String unique;
    IncidentId incident;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
        otherEditor = TestUsers.create(accounts, "editor");
        viewer = TestUsers.create(accounts, "viewer");
        unique = UUID.randomUUID().toString().substring(0, 8);
        incident = incidents.create(editor, sev2("Board " + unique)).id();
    }

    ActionItem add(String title) {
        return actions.add(
                editor, incident, new ActionForm(title, null, "prevent", "P2", null, null, null, null, null, null));
    }

    static BulkChange.Target target(ActionItem a) {
        return new BulkChange.Target(a.id(), a.version());
    }

    static List<String> fields(InvalidInputException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void savesAViewWithANormalizedQueryAndListsItOnlyToItsOwnerUnlessShared() {
        SavedView mine = views.save(viewer, "  My P1s ", "?status=open&priority=P1&page=3&owner=", false);

        assertThat(mine.name()).isEqualTo("My P1s");
        assertThat(mine.query()).isEqualTo("status=open&priority=P1");
        assertThat(views.visibleTo(viewer)).extracting(SavedView::id).contains(mine.id());
        assertThat(views.visibleTo(editor)).extracting(SavedView::id).doesNotContain(mine.id());
        assertThatThrownBy(() -> views.get(editor, mine.id())).isInstanceOf(NotFoundException.class);

        SavedView shared = views.save(editor, "Team overdue " + unique, "overdue=true&sort=priority", true);
        assertThat(views.visibleTo(viewer)).extracting(SavedView::id).contains(shared.id());
        assertThat(views.get(viewer, shared.id()).ownerName()).isEqualTo(editor.username());
    }

    @Test
    void refusesABadViewAndSharingByAViewer() {
        assertThatThrownBy(() -> views.save(viewer, " ", "evil=1", false))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("name", "query"));
        assertThatThrownBy(() -> views.save(viewer, "x".repeat(101), "", false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> views.save(viewer, "Shared", "", true)).isInstanceOf(ForbiddenException.class);
        views.save(viewer, "Twice", "mine=true", false);
        assertThatThrownBy(() -> views.save(viewer, "Twice", "", false)).isInstanceOf(ConflictException.class);
        assertThat(views.visibleTo(viewer)).extracting(SavedView::name).containsOnlyOnce("Twice");
    }

    @Test
    void onlyTheOwnerOrAnAdminDeletesAView() {
        SavedView shared = views.save(editor, "Shared " + unique, "status=open", true);

        assertThatThrownBy(() -> views.delete(otherEditor, shared.id())).isInstanceOf(ForbiddenException.class);
        assertThat(views.visibleTo(editor)).extracting(SavedView::id).contains(shared.id());
        views.delete(TestUsers.admin(accounts), shared.id());
        assertThat(views.visibleTo(editor)).extracting(SavedView::id).doesNotContain(shared.id());
    }

    @Test
    void bulkChangesEveryFieldOnEachActionWithItsOwnVersionAndAuditEntries() {
        ActionItem a = add("First " + unique);
        ActionItem b = add("Second " + unique);

        List<ActionItem> changed = actions.bulkChange(
                editor,
                new BulkChange(
                        List.of(target(a), target(b)),
                        "in progress",
                        null,
                        otherEditor.username(),
                        "P0",
                        "2026-05-01"));

        assertThat(changed).extracting(ActionItem::key).containsExactly(a.key(), b.key());
        for (ActionItem c : changed) {
            assertThat(c.status()).isEqualTo(ActionStatus.IN_PROGRESS);
            assertThat(c.ownerName()).isEqualTo(otherEditor.username());
            assertThat(c.priority()).isEqualTo(ActionPriority.P0);
            assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 5, 1));
            assertThat(c.version()).isEqualTo(2);
            assertThat(c.title()).isIn(a.title(), b.title());
        }
        assertThat(audit.forIncident(incident.value()).stream()
                        .filter(e -> e.action().equals("action-status"))
                        .count())
                .isEqualTo(2);
        assertThat(audit.forIncident(incident.value()).stream()
                        .filter(e -> e.action().equals("action-updated"))
                        .count())
                .isEqualTo(2);
    }

    @Test
    void bulkChangeIsAllOrNothingAndReportsEachRefusedAction() {
        ActionItem fine = add("Fine " + unique);
        ActionItem stale = add("Stale " + unique);
        ActionItem done = add("Done " + unique);
        actions.update(
                editor,
                stale.id(),
                new ActionForm("Stale renamed", null, "prevent", "P2", null, null, null, null, null, null),
                0);
        done = actions.changeStatus(editor, done.id(), "done", null, 0);

        BulkChange change = new BulkChange(
                List.of(target(fine), target(stale), target(done)), "in_progress", null, null, "P1", null);
        assertThatThrownBy(() -> actions.bulkChange(editor, change))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(fields(e)).containsExactly(stale.key(), doneKey(change));
                    assertThat(e.errors().get(0).message()).contains("changed by someone else");
                    assertThat(e.errors().get(1).message()).contains("cannot go from done to in_progress");
                });

        ActionItem fineNow = actions.get(editor, fine.id());
        assertThat(fineNow.version()).isZero();
        assertThat(fineNow.priority()).isEqualTo(ActionPriority.P2);
        assertThat(fineNow.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(actions.get(editor, done.id()).priority()).isEqualTo(ActionPriority.P2);
    }

    private static String doneKey(BulkChange change) {
        return change.targets().get(2).id().key();
    }

    @Test
    void bulkChangeRefusesViewersEmptySelectionsAndHiddenActions() {
        ActionItem a = add("Guarded " + unique);
        BulkChange change = new BulkChange(List.of(target(a)), null, null, null, "P0", null);
        assertThatThrownBy(() -> actions.bulkChange(viewer, change)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> actions.bulkChange(editor, new BulkChange(List.of(), "done", null, null, null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("actions"));
        assertThatThrownBy(() -> actions.bulkChange(editor, new BulkChange(List.of(target(a)), "", null, "", "", "")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("change"));
        assertThatThrownBy(() -> actions.bulkChange(
                        editor, new BulkChange(List.of(target(a)), null, null, "nobody-" + unique, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(fields(e)).containsExactly(a.key());
                    assertThat(e.errors().getFirst().message()).contains("owner");
                });
        IncidentId secret = incidents
                .create(
                        otherEditor,
                        dev.hindsight.incident.IncidentFixtures.with(
                                sev2("Secret " + unique), "SEV2", "restricted", List.of(), List.of()))
                .id();
        ActionItem hidden = actions.add(
                otherEditor,
                secret,
                new ActionForm("Hidden", null, "prevent", "P2", null, null, null, null, null, null));
        assertThatThrownBy(() -> actions.bulkChange(
                        editor, new BulkChange(List.of(target(hidden)), null, null, null, "P0", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().message()).isEqualTo("No action " + hidden.key()));
        assertThat(actions.get(otherEditor, hidden.id()).priority()).isEqualTo(ActionPriority.P2);
    }
}
