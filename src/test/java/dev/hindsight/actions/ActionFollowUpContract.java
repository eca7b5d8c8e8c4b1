package dev.hindsight.actions;

import static dev.hindsight.incident.IncidentFixtures.sev2;
import static dev.hindsight.incident.IncidentFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.FactorForm;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.catalog.ServiceCatalog;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.testing.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The action-plan gate (accepted risk) and the "recurred despite action" rule, on each database. */
@SpringBootTest
@ActiveProfiles("test")
abstract class ActionFollowUpContract {

    @Autowired
    ActionItems actions;

    @Autowired
    ActionGate gate;

    @Autowired
    Recurrences recurrences;

    @Autowired
    RootCauseAnalysis analysis;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    ServiceCatalog catalog;

    @Autowired
    AuditTrail audit;

    @Autowired
    Accounts accounts;

    Actor admin;
    Actor editor;
    Actor outsider;
    Actor viewer;
    String unique;
    String payments;
    String search;

    @BeforeEach
    void setUp() {
        admin = TestUsers.admin(accounts);
        editor = TestUsers.create(accounts, "editor");
        outsider = TestUsers.create(accounts, "editor");
        viewer = TestUsers.create(accounts, "viewer");
        unique = UUID.randomUUID().toString().substring(0, 8);
        payments = catalog.create(admin, "payments-" + unique, null, null).name();
        search = catalog.create(admin, "search-" + unique, null, null).name();
    }

    IncidentId incident(Actor by, String visibility, String... services) {
        return incidents
                .create(by, with(sev2("Follow-up " + unique), "SEV2", visibility, List.of(services), List.of()))
                .id();
    }

    ContributingFactor factor(Actor by, IncidentId id, String kind, String category, String title) {
        return analysis.add(by, id, new FactorForm(kind, title, category, null, null, List.of()));
    }

    ActionItem action(Actor by, IncidentId id, ContributingFactor cause) {
        return actions.add(
                by,
                id,
                new ActionForm(
                        "Fix " + cause.title(),
                        null,
                        "prevent",
                        "P2",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(cause.id())));
    }

    ActionItem done(Actor by, ActionItem a) {
        return actions.changeStatus(by, a.id(), "done", null, a.version());
    }

    ActionFilter recurredOnly() {
        return new ActionFilter(null, null, List.of(), List.of(), List.of(), false, null, false, null, true);
    }

    // ---- the gate

    @Test
    void listsEachRootCauseWithNeitherAnActionNorAnAcceptedRisk() {
        IncidentId id = incident(editor, "normal", payments);
        ContributingFactor covered = factor(editor, id, "ROOT_CAUSE", "change", "Bad deploy");
        ContributingFactor bare = factor(editor, id, "ROOT_CAUSE", "capacity", "Pool too small");
        ContributingFactor dropped = factor(editor, id, "ROOT_CAUSE", "process", "No canary");
        factor(editor, id, "CONTRIBUTING_FACTOR", "tooling", "Slow dashboards");
        action(editor, id, covered);
        ActionItem wontDo = action(editor, id, dropped);
        actions.changeStatus(editor, wontDo.id(), "wont_do", "too costly", 0);

        assertThat(gate.findings(viewer, id))
                .extracting(GateFinding::factorId)
                .containsExactly(bare.id(), dropped.id());
        assertThat(gate.findings(viewer, id).getFirst().message()).contains("Pool too small");
    }

    @Test
    void anAcceptedRiskClearsTheFindingAndIsAuditedUntilWithdrawn() {
        IncidentId id = incident(editor, "normal", payments);
        ContributingFactor cause = factor(editor, id, "ROOT_CAUSE", "capacity", "Pool too small");

        AcceptedRisk risk = gate.accept(editor, id, cause.id(), "  Traffic will not grow before the rewrite ");

        assertThat(risk.note()).isEqualTo("Traffic will not grow before the rewrite");
        assertThat(risk.acceptedBy()).isEqualTo(editor.username());
        assertThat(risk.acceptedAt()).isNotNull();
        assertThat(gate.findings(editor, id)).isEmpty();
        assertThat(gate.acceptedRisks(viewer, id)).containsKey(cause.id());
        assertThat(audit.forIncident(id.value()))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("risk-accepted"));
        assertThatThrownBy(() -> gate.accept(editor, id, cause.id(), "again")).isInstanceOf(ConflictException.class);

        gate.withdraw(editor, id, cause.id());
        assertThat(gate.findings(editor, id)).extracting(GateFinding::factorId).containsExactly(cause.id());
        assertThat(audit.forIncident(id.value()))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("risk-withdrawn"));
    }

    @Test
    void refusesAcceptedRisksThatBreakARule() {
        IncidentId id = incident(editor, "normal", payments);
        IncidentId other = incident(editor, "normal", payments);
        ContributingFactor cause = factor(editor, id, "ROOT_CAUSE", "capacity", "Pool too small");
        ContributingFactor contributing = factor(editor, id, "CONTRIBUTING_FACTOR", "tooling", "Slow dashboards");

        assertThatThrownBy(() -> gate.accept(editor, id, cause.id(), "  "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("note"));
        assertThatThrownBy(() -> gate.accept(editor, id, cause.id(), "x".repeat(2001)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> gate.accept(editor, id, contributing.id(), "fine"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> gate.accept(editor, other, cause.id(), "fine")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gate.accept(viewer, id, cause.id(), "fine")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> gate.withdraw(editor, id, cause.id())).isInstanceOf(NotFoundException.class);
        assertThat(gate.acceptedRisks(editor, id)).isEmpty();
    }

    @Test
    void theGateOfARestrictedIncidentIsHiddenFromOutsiders() {
        IncidentId secret = incident(editor, "restricted", payments);
        factor(editor, secret, "ROOT_CAUSE", "capacity", "Pool too small");

        assertThatThrownBy(() -> gate.findings(outsider, secret)).isInstanceOf(NotFoundException.class);
        assertThat(gate.findings(admin, secret)).hasSize(1);
    }

    // ---- recurrence

    @Test
    void flagsBothIncidentsWhenACauseOfTheSameCategoryAndServiceComesBackAfterADoneAction() {
        IncidentId earlier = incident(editor, "normal", payments, search);
        ActionItem fix =
                done(editor, action(editor, earlier, factor(editor, earlier, "ROOT_CAUSE", "capacity", "Pool")));
        IncidentId later = incident(editor, "normal", search);
        ContributingFactor again = factor(editor, later, "CONTRIBUTING_FACTOR", "capacity", "Pool again");

        List<Recurrence> onLater = recurrences.of(viewer, later);
        assertThat(onLater).singleElement().satisfies(r -> {
            assertThat(r.laterIncident()).isEqualTo(later);
            assertThat(r.earlierIncident()).isEqualTo(earlier);
            assertThat(r.factorId()).isEqualTo(again.id());
            assertThat(r.action()).isEqualTo(fix.id());
            assertThat(r.explicit()).isFalse();
        });
        assertThat(recurrences.of(viewer, earlier)).isEqualTo(onLater);
        assertThat(actions.board(viewer, recurredOnly(), ActionSort.DUE, 0, 100).items())
                .extracting(ActionItem::id)
                .contains(fix.id());
    }

    @Test
    void doesNotFlagAnActionThatIsNotDoneADifferentServiceOrADifferentCategory() {
        IncidentId earlier = incident(editor, "normal", payments);
        ActionItem open = action(editor, earlier, factor(editor, earlier, "ROOT_CAUSE", "capacity", "Pool"));
        ActionItem wontDo = action(editor, earlier, factor(editor, earlier, "ROOT_CAUSE", "change", "Deploy"));
        actions.changeStatus(editor, wontDo.id(), "wont_do", "no time", 0);
        ActionItem doneConfig =
                done(editor, action(editor, earlier, factor(editor, earlier, "ROOT_CAUSE", "configuration", "Flag")));
        IncidentId sameService = incident(editor, "normal", payments);
        factor(editor, sameService, "ROOT_CAUSE", "capacity", "Pool again");
        factor(editor, sameService, "ROOT_CAUSE", "change", "Deploy again");
        factor(editor, sameService, "ROOT_CAUSE", "knowledge", "Nobody knew");
        IncidentId otherService = incident(editor, "normal", search);
        factor(editor, otherService, "ROOT_CAUSE", "configuration", "Flag again");
        IncidentId noService = incident(editor, "normal");
        factor(editor, noService, "ROOT_CAUSE", "configuration", "Flag again");

        assertThat(recurrences.of(admin, sameService)).isEmpty();
        assertThat(recurrences.of(admin, otherService)).isEmpty();
        assertThat(recurrences.of(admin, noService)).isEmpty();
        assertThat(recurrences.of(admin, earlier)).isEmpty();
        assertThat(actions.board(admin, recurredOnly(), ActionSort.DUE, 0, 100).items())
                .extracting(ActionItem::id)
                .doesNotContain(open.id(), wontDo.id(), doneConfig.id());
    }

    @Test
    void aCauseRecordedBeforeTheActionWasDoneOrOnAnEarlierIncidentIsNoRecurrence() {
        IncidentId first = incident(editor, "normal", payments);
        IncidentId second = incident(editor, "normal", payments);
        factor(editor, first, "ROOT_CAUSE", "capacity", "Older incident, recorded late");
        factor(editor, second, "ROOT_CAUSE", "capacity", "Recorded before the fix was done");
        ActionItem fix = action(editor, second, factor(editor, second, "ROOT_CAUSE", "capacity", "Pool"));
        done(editor, fix);

        assertThat(recurrences.of(admin, first)).isEmpty();
        assertThat(recurrences.of(admin, second)).isEmpty();
    }

    @Test
    void aRestrictedEarlierIncidentIsNeverShownToSomeoneWhoCannotSeeIt() {
        IncidentId secret = incident(outsider, "restricted", payments);
        ActionItem fix =
                done(outsider, action(outsider, secret, factor(outsider, secret, "ROOT_CAUSE", "capacity", "Pool")));
        IncidentId later = incident(editor, "normal", payments);
        factor(editor, later, "ROOT_CAUSE", "capacity", "Pool again");

        assertThat(recurrences.of(viewer, later)).isEmpty();
        assertThat(recurrences.of(editor, later)).isEmpty();
        assertThat(recurrences.of(outsider, later))
                .singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo(fix.id()));
        assertThat(recurrences.of(admin, later)).hasSize(1);
    }

    @Test
    void aRestrictedLaterIncidentDoesNotMarkTheEarlierActionForOutsiders() {
        IncidentId earlier = incident(editor, "normal", payments);
        ActionItem fix =
                done(editor, action(editor, earlier, factor(editor, earlier, "ROOT_CAUSE", "capacity", "Pool")));
        IncidentId secret = incident(outsider, "restricted", payments);
        factor(outsider, secret, "ROOT_CAUSE", "capacity", "Pool again");

        assertThat(recurrences.of(viewer, earlier)).isEmpty();
        assertThat(actions.board(viewer, recurredOnly(), ActionSort.DUE, 0, 100).items())
                .extracting(ActionItem::id)
                .doesNotContain(fix.id());
        assertThat(actions.board(outsider, recurredOnly(), ActionSort.DUE, 0, 100)
                        .items())
                .extracting(ActionItem::id)
                .contains(fix.id());
    }

    @Test
    void anExplicitLinkFlagsAcrossServicesAndCategoriesOnceTheActionIsDone() {
        IncidentId earlier = incident(editor, "normal", payments);
        ActionItem fix = action(editor, earlier, factor(editor, earlier, "ROOT_CAUSE", "capacity", "Pool"));
        IncidentId later = incident(editor, "normal", search);
        ContributingFactor cause = factor(editor, later, "ROOT_CAUSE", "knowledge", "Same thing, other words");

        recurrences.link(editor, later, cause.id(), fix.id());
        assertThat(recurrences.of(admin, later)).isEmpty();
        assertThat(audit.forIncident(later.value()))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("recurrence-linked"));

        done(editor, fix);
        assertThat(recurrences.of(viewer, later)).singleElement().satisfies(r -> {
            assertThat(r.explicit()).isTrue();
            assertThat(r.earlierIncident()).isEqualTo(earlier);
        });
        assertThatThrownBy(() -> recurrences.link(editor, later, cause.id(), fix.id()))
                .isInstanceOf(ConflictException.class);
        ActionItem own = action(editor, later, cause);
        assertThatThrownBy(() -> recurrences.link(editor, later, cause.id(), own.id()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> recurrences.link(viewer, later, cause.id(), fix.id()))
                .isInstanceOf(ForbiddenException.class);
    }
}
