package dev.hindsight.faulttrees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.audit.AuditEntry;
import dev.hindsight.engines.faulttree.FaultTreeReport;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentForm;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.testing.TestUsers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Fault trees on incidents, run against each database by a subclass. */
@SpringBootTest
@ActiveProfiles("test")
abstract class FaultTreesContract {

    /** TOP = PUMP_A ∧ PUMP_B, or VALVE: P = 1 − (1 − 0.1·0.2)(1 − 0.05) = 0.069. */
    static final String TWO_PUMPS = """
            <?xml version="1.0"?>
            <opsa-mef>
              <define-fault-tree name="cooling">
                <define-gate name="top"><or><gate name="pumps"/><basic-event name="valve"/></or></define-gate>
                <define-gate name="pumps"><and><basic-event name="pump_a"/><basic-event name="pump_b"/></and></define-gate>
                <define-basic-event name="pump_a"><float value="0.1"/></define-basic-event>
                <define-basic-event name="pump_b"><float value="0.2"/></define-basic-event>
                <define-basic-event name="valve"><float value="0.05"/></define-basic-event>
              </define-fault-tree>
            </opsa-mef>
            """;

    @Autowired
    FaultTrees trees;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    Actor editor;
    Incident incident;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
        incident = incidents.create(editor, IncidentFixtures.sev2("Cooling loss"));
    }

    long count() {
        return jdbc.sql("select count(*) from fault_trees").query(Long.class).single();
    }

    @Test
    void importsAnalysesAndDrawsATree() {
        StoredFaultTree stored = trees.importMef(editor, incident.id(), null, TWO_PUMPS, null);

        assertThat(stored.name()).isEqualTo("cooling");
        assertThat(stored.topGate()).isEqualTo("top");
        assertThat(stored.basicEvents()).isEqualTo(3);
        FaultTreeReport report = trees.analyse(editor, incident.id(), stored.id(), 5);
        assertThat(report.minimalCutSets()).isEqualTo(2);
        assertThat(report.topProbability()).isCloseTo(1 - (1 - 0.1 * 0.2) * (1 - 0.05), within(1e-12));
        assertThat(report.cutSets().get(0).events()).containsExactly("valve");
        assertThat(trees.svg(editor, incident.id(), stored.id()))
                .contains("<svg")
                .contains("pump_a");
        assertThat(trees.exportMef(editor, incident.id(), stored.id())).contains("pump_b");
        assertThat(trees.list(editor, incident.id()))
                .extracting(StoredFaultTree::id)
                .containsExactly(stored.id());
        List<AuditEntry> trail = incidents.auditTrail(editor, incident.id());
        assertThat(trail.get(0).action()).isEqualTo("fault-tree-imported");
    }

    @Test
    void refusesAMalformedModelWithItsLineAndStoresNothing() {
        long before = count();
        String broken = TWO_PUMPS.replace("<basic-event name=\"valve\"/></or>", "<basic-event name=\"valve\"/>");

        assertThatThrownBy(() -> trees.importMef(editor, incident.id(), "broken", broken, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).message()).containsPattern("\\d"));
        assertThatThrownBy(() -> trees.importMef(
                        editor,
                        incident.id(),
                        "undefined",
                        TWO_PUMPS.replace("<gate name=\"pumps\"/>", "<gate name=\"nope\"/>"),
                        null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> trees.importMef(editor, incident.id(), "empty", "  ", null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void keepsTreesOfARestrictedIncidentFromOutsiders() {
        Actor outsider = TestUsers.create(accounts, "editor");
        IncidentForm form =
                IncidentFixtures.with(IncidentFixtures.sev2("Secret"), "SEV2", "restricted", List.of(), List.of());
        Incident restricted = incidents.create(editor, form);
        StoredFaultTree stored = trees.importMef(editor, restricted.id(), null, TWO_PUMPS, null);

        assertThatThrownBy(() -> trees.get(outsider, restricted.id(), stored.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> trees.list(outsider, restricted.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> trees.get(editor, incident.id(), stored.id()))
                .as("a tree is reached only through its own incident")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void letsViewersReadButNotImport() {
        Actor viewer = TestUsers.create(accounts, "viewer");
        StoredFaultTree stored = trees.importMef(editor, incident.id(), null, TWO_PUMPS, null);

        assertThatThrownBy(() -> trees.importMef(viewer, incident.id(), null, TWO_PUMPS, null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> trees.remove(viewer, incident.id(), stored.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(trees.analyse(viewer, incident.id(), stored.id(), 3).minimalCutSets())
                .isEqualTo(2);
    }

    @Test
    void removesATreeAndRecordsIt() {
        StoredFaultTree stored = trees.importMef(editor, incident.id(), "to remove", TWO_PUMPS, null);
        trees.remove(editor, incident.id(), stored.id());

        assertThat(trees.list(editor, incident.id())).isEmpty();
        assertThat(incidents.auditTrail(editor, incident.id()).get(0).summary())
                .contains("Removed fault tree to remove");
    }
}
