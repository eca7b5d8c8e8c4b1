package dev.hindsight.faulttrees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.analysis.AnalysisMethod;
import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.engines.faulttree.FaultTreeAnalysis;
import dev.hindsight.engines.faulttree.FaultTreeReport;
import dev.hindsight.engines.faulttree.MefImporter;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.testing.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Building and editing fault trees on incidents, run against each database by a subclass. */
@SpringBootTest
@ActiveProfiles("test")
abstract class FaultTreeEditingContract {

    @Autowired
    FaultTrees trees;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    RootCauseAnalysis factors;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    Actor editor;
    Incident incident;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
        incident = incidents.create(editor, IncidentFixtures.sev2("Checkout outage"));
    }

    /** Outage = OR(E3, Both), Both = AND(E1, E2): P = 1 − (1 − 0.1)(1 − 0.2·0.3) = 0.154. */
    StoredFaultTree smallTree() {
        StoredFaultTree t = trees.create(
                editor,
                incident.id(),
                "Outage tree",
                FaultTreeNodeForm.gate("Outage", "or", null, FaultTreeNodeForm.basicEvent("E3", 0.1)));
        t = trees.addNode(
                editor,
                incident.id(),
                t.id(),
                t.version(),
                "Outage",
                FaultTreeNodeForm.gate("Both", "and", null, FaultTreeNodeForm.basicEvent("E1", 0.2)));
        return trees.addNode(
                editor, incident.id(), t.id(), t.version(), "Both", FaultTreeNodeForm.basicEvent("E2", 0.3));
    }

    FaultTreeNode node(StoredFaultTree t, String name) {
        return trees.outline(editor, incident.id(), t.id()).nodes().stream()
                .filter(n -> n.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    StoredFaultTree current(StoredFaultTree t) {
        return trees.get(editor, incident.id(), t.id());
    }

    /** Asserts the call is refused with a 422 naming {@code field}, and the stored tree is unchanged. */
    void refused(StoredFaultTree t, String field, ThrowingCallable call) {
        StoredFaultTree before = current(t);
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .contains(field));
        StoredFaultTree after = current(t);
        assertThat(after.mefXml()).isEqualTo(before.mefXml());
        assertThat(after.version()).isEqualTo(before.version());
    }

    @Test
    void buildsATreeFromScratchAndAnalysesIt() {
        StoredFaultTree t = smallTree();

        assertThat(t.version()).isEqualTo(2);
        assertThat(t.topGate()).isEqualTo("Outage");
        assertThat(t.gates()).isEqualTo(2);
        assertThat(t.basicEvents()).isEqualTo(3);
        FaultTreeReport report = trees.analyse(editor, incident.id(), t.id(), 5);
        assertThat(report.minimalCutSets()).isEqualTo(2);
        assertThat(report.topProbability()).isCloseTo(1 - 0.9 * (1 - 0.06), within(1e-12));
        assertThat(trees.svg(editor, incident.id(), t.id())).contains("Both");
        assertThat(incidents.auditTrail(editor, incident.id()).get(0).action()).isEqualTo("fault-tree-edited");
        assertThat(incidents.auditTrail(editor, incident.id()).get(0).summary())
                .contains("Added basic event E2 under Both");
    }

    @Test
    void refusesABadNewTreeAndStoresNothing() {
        long before =
                jdbc.sql("select count(*) from fault_trees").query(Long.class).single();

        assertThatThrownBy(() -> trees.create(
                        editor,
                        incident.id(),
                        " ",
                        FaultTreeNodeForm.gate("Top", "xor", null, FaultTreeNodeForm.basicEvent("Top", 2.0))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .contains("name", "top.type", "top.firstChild.name", "top.firstChild.probability"));
        assertThatThrownBy(() -> trees.create(
                        editor, incident.id(), "no input", FaultTreeNodeForm.gate("Top", "or", null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("top.firstChild.kind"));
        assertThat(jdbc.sql("select count(*) from fault_trees")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void checksKOfAnAtLeastGate() {
        StoredFaultTree t = smallTree();
        refused(
                t,
                "k",
                () -> trees.addNode(
                        editor,
                        incident.id(),
                        t.id(),
                        t.version(),
                        "Outage",
                        FaultTreeNodeForm.gate("Vote", "atleast", 2, FaultTreeNodeForm.basicEvent("V1", 0.5))));
        StoredFaultTree withVote = trees.addNode(
                editor,
                incident.id(),
                t.id(),
                t.version(),
                "Outage",
                FaultTreeNodeForm.gate("Vote", "atleast", 1, FaultTreeNodeForm.basicEvent("V1", 0.5)));
        StoredFaultTree v2 = trees.addNode(
                editor, incident.id(), t.id(), withVote.version(), "Vote", FaultTreeNodeForm.basicEvent("V2", 0.5));
        StoredFaultTree v3 = trees.addNode(
                editor, incident.id(), t.id(), v2.version(), "Vote", FaultTreeNodeForm.basicEvent("V3", 0.5));

        refused(
                v3,
                "k",
                () -> trees.updateNode(
                        editor,
                        incident.id(),
                        t.id(),
                        v3.version(),
                        "Vote",
                        new FaultTreeNodeChange(null, null, null, 4, null, null)));
        refused(
                v3,
                "k",
                () -> trees.updateNode(
                        editor,
                        incident.id(),
                        t.id(),
                        v3.version(),
                        "Vote",
                        new FaultTreeNodeChange(null, null, null, 0, null, null)));
        refused(
                v3,
                "k",
                () -> trees.updateNode(
                        editor,
                        incident.id(),
                        t.id(),
                        v3.version(),
                        "Both",
                        new FaultTreeNodeChange(null, null, null, 1, null, null)));
        StoredFaultTree threeOfThree = trees.updateNode(
                editor,
                incident.id(),
                t.id(),
                v3.version(),
                "Vote",
                new FaultTreeNodeChange(null, null, null, 3, null, null));

        assertThat(node(threeOfThree, "Vote").k()).isEqualTo(3);
        assertThat(node(threeOfThree, "Vote").typeLabel()).isEqualTo("atleast 3/3");
        refused(
                threeOfThree,
                "child",
                () -> trees.removeNode(editor, incident.id(), t.id(), threeOfThree.version(), "Vote", "V1")
                        .version());
        StoredFaultTree lowered = trees.updateNode(
                editor,
                incident.id(),
                t.id(),
                threeOfThree.version(),
                "Vote",
                new FaultTreeNodeChange(null, null, null, 1, null, null));
        StoredFaultTree removed = trees.removeNode(editor, incident.id(), t.id(), lowered.version(), "Vote", "V1");
        assertThat(node(removed, "V1")).isNull();
        assertThat(node(removed, "Vote").children()).containsExactly("V2", "V3");
    }

    @Test
    void keepsANotGateToExactlyOneInput() {
        StoredFaultTree t = trees.addNode(
                editor,
                incident.id(),
                smallTree().id(),
                2,
                "Outage",
                FaultTreeNodeForm.gate("Healthy", "not", null, FaultTreeNodeForm.houseEvent("Maintenance", true)));

        refused(
                t,
                "parent",
                () -> trees.addNode(
                        editor, incident.id(), t.id(), t.version(), "Healthy", FaultTreeNodeForm.basicEvent("X", 0.1)));
        refused(
                t,
                "child",
                () -> trees.removeNode(editor, incident.id(), t.id(), t.version(), "Healthy", "Maintenance"));
        refused(
                t,
                "type",
                () -> trees.updateNode(
                        editor,
                        incident.id(),
                        t.id(),
                        t.version(),
                        "Both",
                        new FaultTreeNodeChange(null, null, "not", null, null, null)));
        StoredFaultTree flipped = trees.updateNode(
                editor,
                incident.id(),
                t.id(),
                t.version(),
                "Maintenance",
                new FaultTreeNodeChange(null, null, null, null, null, false));
        assertThat(node(flipped, "Maintenance").state()).isFalse();
        assertThat(trees.analyse(editor, incident.id(), t.id(), 5).topProbability())
                .as("NOT(false) is true, so the top event is certain")
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void keepsNamesUniqueAndRenamesEveryReference() {
        StoredFaultTree t = smallTree();

        refused(
                t,
                "name",
                () -> trees.addNode(
                        editor, incident.id(), t.id(), t.version(), "Both", FaultTreeNodeForm.basicEvent("E1", 0.1)));
        refused(
                t,
                "name",
                () -> trees.addNode(
                        editor,
                        incident.id(),
                        t.id(),
                        t.version(),
                        "Both",
                        FaultTreeNodeForm.basicEvent("Outage", 0.1)));
        refused(
                t,
                "name",
                () -> trees.addNode(
                        editor,
                        incident.id(),
                        t.id(),
                        t.version(),
                        "Both",
                        FaultTreeNodeForm.basicEvent("has space", 0.1)));
        refused(
                t,
                "name",
                () -> trees.updateNode(
                        editor,
                        incident.id(),
                        t.id(),
                        t.version(),
                        "E1",
                        new FaultTreeNodeChange("E2", null, null, null, null, null)));

        StoredFaultTree renamed = trees.updateNode(
                editor,
                incident.id(),
                t.id(),
                t.version(),
                "Outage",
                new FaultTreeNodeChange("CheckoutDown", "Checkout is down", null, null, null, null));
        renamed = trees.updateNode(
                editor,
                incident.id(),
                t.id(),
                renamed.version(),
                "E1",
                new FaultTreeNodeChange("DbFailover", null, null, null, null, null));

        assertThat(renamed.topGate()).isEqualTo("CheckoutDown");
        assertThat(node(renamed, "CheckoutDown").description()).isEqualTo("Checkout is down");
        assertThat(node(renamed, "Both").children()).containsExactly("DbFailover", "E2");
        assertThat(trees.analyse(editor, incident.id(), t.id(), 5).topProbability())
                .isCloseTo(0.154, within(1e-12));
    }

    @Test
    void checksProbabilitiesAndChangesThem() {
        StoredFaultTree t = smallTree();

        refused(
                t,
                "probability",
                () -> trees.addNode(
                        editor, incident.id(), t.id(), t.version(), "Both", FaultTreeNodeForm.basicEvent("E4", 1.5)));
        refused(
                t,
                "probability",
                () -> trees.updateNode(
                        editor,
                        incident.id(),
                        t.id(),
                        t.version(),
                        "E1",
                        new FaultTreeNodeChange(null, null, null, null, -0.1, null)));
        refused(
                t,
                "probability",
                () -> trees.updateNode(
                        editor,
                        incident.id(),
                        t.id(),
                        t.version(),
                        "E1",
                        new FaultTreeNodeChange(null, null, null, null, Double.NaN, null)));
        refused(
                t,
                "probability",
                () -> trees.updateNode(
                        editor,
                        incident.id(),
                        t.id(),
                        t.version(),
                        "Both",
                        new FaultTreeNodeChange(null, null, null, null, 0.5, null)));
        StoredFaultTree changed = trees.updateNode(
                editor,
                incident.id(),
                t.id(),
                t.version(),
                "E3",
                new FaultTreeNodeChange(null, null, null, null, 0.5, null));

        assertThat(trees.analyse(editor, incident.id(), t.id(), 5).topProbability())
                .isCloseTo(1 - 0.5 * 0.94, within(1e-12));
        assertThat(incidents.auditTrail(editor, incident.id()).get(0).summary()).contains("probability 0.1 → 0.5");
        assertThat(changed.version()).isEqualTo(t.version() + 1);
    }

    @Test
    void refusesCycles() {
        StoredFaultTree t = smallTree();

        refused(
                t,
                "name",
                () -> trees.addNode(
                        editor, incident.id(), t.id(), t.version(), "Both", FaultTreeNodeForm.existing("Outage")));
        refused(
                t,
                "name",
                () -> trees.addNode(
                        editor, incident.id(), t.id(), t.version(), "Both", FaultTreeNodeForm.existing("Both")));
        refused(
                t,
                "firstChild.name",
                () -> trees.addNode(
                        editor,
                        incident.id(),
                        t.id(),
                        t.version(),
                        "Both",
                        FaultTreeNodeForm.gate("Loop", "or", null, FaultTreeNodeForm.existing("Outage"))));
        refused(
                t,
                "name",
                () -> trees.addNode(
                        editor, incident.id(), t.id(), t.version(), "Both", FaultTreeNodeForm.existing("E1")));
    }

    @Test
    void sharesANodeAndDeletesItOnlyWhenUnused() {
        StoredFaultTree t = smallTree();
        StoredFaultTree shared =
                trees.addNode(editor, incident.id(), t.id(), t.version(), "Outage", FaultTreeNodeForm.existing("E1"));

        assertThat(node(shared, "E1").parents()).isEqualTo(2);
        assertThat(trees.analyse(editor, incident.id(), t.id(), 5).minimalCutSets())
                .as("E1 alone now fails the top; {E1, E2} is no longer minimal")
                .isEqualTo(2);
        StoredFaultTree detached = trees.removeNode(editor, incident.id(), t.id(), shared.version(), "Outage", "E1");
        assertThat(node(detached, "E1").parents()).isEqualTo(1);
        assertThat(incidents.auditTrail(editor, incident.id()).get(0).summary()).contains("Detached basic event E1");

        StoredFaultTree gone = trees.removeNode(editor, incident.id(), t.id(), detached.version(), "Outage", "Both");
        assertThat(node(gone, "Both")).isNull();
        assertThat(node(gone, "E1")).isNull();
        assertThat(node(gone, "E2")).isNull();
        assertThat(gone.gates()).isEqualTo(1);
        assertThat(incidents.auditTrail(editor, incident.id()).get(0).summary())
                .contains("Removed gate Both")
                .contains("also removed 2");
        refused(gone, "child", () -> trees.removeNode(editor, incident.id(), t.id(), gone.version(), "Outage", "E3"));
        assertThatThrownBy(() -> trees.removeNode(editor, incident.id(), t.id(), gone.version(), "Nope", "E3"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesAStaleEditAndChangesNothing() {
        StoredFaultTree t = smallTree();
        trees.updateNode(
                editor,
                incident.id(),
                t.id(),
                t.version(),
                "E1",
                new FaultTreeNodeChange(null, "first", null, null, null, null));

        StoredFaultTree before = current(t);
        assertThatThrownBy(() -> trees.updateNode(
                        editor,
                        incident.id(),
                        t.id(),
                        t.version(),
                        "E1",
                        new FaultTreeNodeChange(null, "second", null, null, null, null)))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(t.version() + 1));
        assertThat(current(t).mefXml()).isEqualTo(before.mefXml());
        assertThat(node(t, "E1").description()).isEqualTo("first");
    }

    @Test
    void letsViewersReadOnlyAndHidesRestrictedTrees() {
        StoredFaultTree t = smallTree();
        Actor viewer = TestUsers.create(accounts, "viewer");

        assertThatThrownBy(() -> trees.addNode(
                        viewer, incident.id(), t.id(), t.version(), "Both", FaultTreeNodeForm.basicEvent("X", 0.1)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> trees.create(
                        viewer,
                        incident.id(),
                        "v",
                        FaultTreeNodeForm.gate("T", "or", null, FaultTreeNodeForm.basicEvent("X", 0.1))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> trees.promote(viewer, incident.id(), t.id(), "E1", "CONTRIBUTING_FACTOR", "change"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(trees.outline(viewer, incident.id(), t.id()).nodes()).hasSize(5);

        Incident restricted = incidents.create(
                editor,
                IncidentFixtures.with(IncidentFixtures.sev2("Secret"), "SEV2", "restricted", List.of(), List.of()));
        StoredFaultTree secret = trees.create(
                editor,
                restricted.id(),
                "secret",
                FaultTreeNodeForm.gate("Top", "or", null, FaultTreeNodeForm.basicEvent("Leak", 0.1)));
        Actor outsider = TestUsers.create(accounts, "editor");
        assertThatThrownBy(() -> trees.outline(outsider, restricted.id(), secret.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> trees.addNode(
                        outsider, restricted.id(), secret.id(), 0, "Top", FaultTreeNodeForm.basicEvent("X", 0.1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> trees.promote(outsider, restricted.id(), secret.id(), "Leak", "ROOT_CAUSE", "change"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> trees.outline(editor, incident.id(), secret.id()))
                .as("a tree is reached only through its own incident")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void promotesABasicEventToAContributingFactor() {
        StoredFaultTree t = smallTree();
        trees.updateNode(
                editor,
                incident.id(),
                t.id(),
                t.version(),
                "E1",
                new FaultTreeNodeChange(null, "Database failover stalled", null, null, null, null));

        ContributingFactor factor =
                trees.promote(editor, incident.id(), t.id(), "E1", "CONTRIBUTING_FACTOR", "dependency");

        assertThat(factor.method()).isEqualTo(AnalysisMethod.FAULT_TREE);
        assertThat(factor.title()).isEqualTo("Database failover stalled");
        assertThat(factor.description()).contains("Outage tree").contains("Both");
        assertThat(factors.factorsOf(editor, incident.id()))
                .extracting(ContributingFactor::id)
                .contains(factor.id());
        assertThat(node(t, "E1").factorId()).isEqualTo(factor.id());
        assertThat(incidents.auditTrail(editor, incident.id()).get(0).action()).isEqualTo("fault-tree-event-promoted");

        refused(t, "event", () -> trees.promote(editor, incident.id(), t.id(), "E1", "ROOT_CAUSE", "change"));
        refused(t, "event", () -> trees.promote(editor, incident.id(), t.id(), "Both", "ROOT_CAUSE", "change"));
        refused(t, "category", () -> trees.promote(editor, incident.id(), t.id(), "E2", "ROOT_CAUSE", "no-such"));

        StoredFaultTree now = current(t);
        StoredFaultTree renamed = trees.updateNode(
                editor,
                incident.id(),
                t.id(),
                now.version(),
                "E1",
                new FaultTreeNodeChange("Failover", null, null, null, null, null));
        assertThat(node(renamed, "Failover").factorId())
                .as("the link follows a rename")
                .isEqualTo(factor.id());
        StoredFaultTree removed = trees.removeNode(editor, incident.id(), t.id(), renamed.version(), "Outage", "Both");
        assertThat(jdbc.sql("select count(*) from fault_tree_factors where tree_id = ?")
                        .param(t.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(factors.factorsOf(editor, incident.id()))
                .as("a promoted factor stays on the incident when its event goes")
                .extracting(ContributingFactor::id)
                .contains(factor.id());
        assertThat(removed.basicEvents()).isEqualTo(1);
    }

    @Test
    void editsAnImportedTree() {
        StoredFaultTree imported = trees.importMef(editor, incident.id(), null, FaultTreesContract.TWO_PUMPS, null);
        assertThat(imported.version()).isZero();

        StoredFaultTree edited = trees.updateNode(
                editor,
                incident.id(),
                imported.id(),
                0,
                "valve",
                new FaultTreeNodeChange(null, null, null, null, 0.5, null));

        assertThat(trees.analyse(editor, incident.id(), imported.id(), 5).topProbability())
                .isCloseTo(1 - (1 - 0.1 * 0.2) * 0.5, within(1e-12));
        assertThat(trees.exportMef(editor, incident.id(), imported.id())).contains("0.5");
        assertThat(edited.version()).isEqualTo(1);
    }

    /**
     * Random edit sequences, valid or not: after each one the stored tree reads back through the engine's MEF export
     * and import to the same analysis, and a refused edit changes nothing.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void editedTreesRoundTripThroughMef(long seed) {
        Random random = new Random(seed);
        StoredFaultTree t = trees.create(
                editor,
                incident.id(),
                "random " + seed,
                FaultTreeNodeForm.gate("G0", "or", null, FaultTreeNodeForm.basicEvent("B0", 0.1)));
        int applied = 0;
        int counter = 1;
        for (int step = 0; step < 30; step++) {
            FaultTreeOutline outline = trees.outline(editor, incident.id(), t.id());
            List<FaultTreeNode> nodes = outline.nodes();
            List<FaultTreeNode> gatesNow =
                    nodes.stream().filter(FaultTreeNode::gate).toList();
            FaultTreeNode gate = gatesNow.get(random.nextInt(gatesNow.size()));
            FaultTreeNode any = nodes.get(random.nextInt(nodes.size()));
            int version = outline.tree().version();
            long id = t.id();
            String before = current(t).mefXml();
            String fresh = "N" + counter++;
            ThrowingCallable op = switch (random.nextInt(7)) {
                case 0 ->
                    () -> trees.addNode(
                            editor,
                            incident.id(),
                            id,
                            version,
                            gate.name(),
                            FaultTreeNodeForm.basicEvent(fresh, random.nextDouble() * 1.1));
                case 1 ->
                    () -> trees.addNode(
                            editor,
                            incident.id(),
                            id,
                            version,
                            gate.name(),
                            FaultTreeNodeForm.gate(
                                    fresh,
                                    List.of("and", "or", "atleast", "not").get(random.nextInt(4)),
                                    random.nextInt(3) == 0 ? null : 1,
                                    random.nextBoolean()
                                            ? FaultTreeNodeForm.basicEvent(fresh + "b", random.nextDouble())
                                            : FaultTreeNodeForm.existing(any.name())));
                case 2 ->
                    () -> trees.addNode(
                            editor, incident.id(), id, version, gate.name(), FaultTreeNodeForm.existing(any.name()));
                case 3 ->
                    () -> trees.updateNode(
                            editor,
                            incident.id(),
                            id,
                            version,
                            gate.name(),
                            new FaultTreeNodeChange(
                                    null,
                                    null,
                                    List.of("and", "or", "atleast", "not").get(random.nextInt(4)),
                                    1 + random.nextInt(3),
                                    null,
                                    null));
                case 4 ->
                    () -> trees.updateNode(
                            editor,
                            incident.id(),
                            id,
                            version,
                            any.name(),
                            new FaultTreeNodeChange(null, null, null, null, random.nextDouble() * 1.2 - 0.1, null));
                case 5 ->
                    () -> trees.updateNode(
                            editor,
                            incident.id(),
                            id,
                            version,
                            any.name(),
                            new FaultTreeNodeChange(random.nextBoolean() ? fresh : "B0", null, null, null, null, null));
                default -> {
                    List<String> children = gate.children();
                    String child = children.get(random.nextInt(children.size()));
                    yield () -> trees.removeNode(editor, incident.id(), id, version, gate.name(), child);
                }
            };
            try {
                op.call();
                applied++;
            } catch (InvalidInputException e) {
                assertThat(current(t).mefXml())
                        .as("a refused edit changes nothing")
                        .isEqualTo(before);
                assertThat(current(t).version()).isEqualTo(version);
            } catch (Throwable e) {
                throw new AssertionError("step " + step + " of seed " + seed + " failed", e);
            }
            assertRoundTrips(t);
        }
        assertThat(applied).as("the sequence applied some edits").isPositive();
    }

    void assertRoundTrips(StoredFaultTree t) {
        StoredFaultTree stored = current(t);
        FaultTreeReport direct = trees.analyse(editor, incident.id(), t.id(), 1000);
        String exported = trees.exportMef(editor, incident.id(), t.id());
        FaultTreeReport reread = FaultTreeAnalysis.of(new MefImporter().readString(exported, stored.topGate()))
                .report(1000);
        assertThat(reread.minimalCutSets()).isEqualTo(direct.minimalCutSets());
        assertThat(reread.gates()).isEqualTo(stored.gates());
        assertThat(reread.basicEvents()).isEqualTo(stored.basicEvents());
        if (Double.isNaN(direct.topProbability())) {
            assertThat(reread.topProbability()).isNaN();
        } else {
            assertThat(reread.topProbability()).isCloseTo(direct.topProbability(), within(1e-12));
        }
        List<List<String>> a = new ArrayList<>();
        List<List<String>> b = new ArrayList<>();
        direct.cutSets().forEach(c -> a.add(c.events()));
        reread.cutSets().forEach(c -> b.add(c.events()));
        assertThat(b).containsExactlyInAnyOrderElementsOf(a);
    }
}
