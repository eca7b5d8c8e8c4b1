package dev.hindsight.analysis;

import static dev.hindsight.incident.IncidentFixtures.sev2;
import static dev.hindsight.incident.IncidentFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.audit.AuditEntry;
import dev.hindsight.audit.AuditTrail;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The root-cause analysis rules (taxonomy, factors, Five Whys trees), run against each database by a subclass. */
@SpringBootTest
@ActiveProfiles("test")
abstract class AnalysisContract {

    @Autowired
    RootCauseAnalysis analysis;

    @Autowired
    FiveWhysAnalysis fiveWhys;

    @Autowired
    FactorCategories categories;

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
    String unique;
    IncidentId incident;

    @BeforeEach
    void setUp() {
        admin = TestUsers.admin(accounts);
        editor = TestUsers.create(accounts, "editor");
        unique = UUID.randomUUID().toString().substring(0, 8);
        incident = incidents.create(editor, sev2("Analysis " + unique)).id();
    }

    static FactorForm factor(String kind, String title, String category) {
        return new FactorForm(
                kind, title, category, "Why it mattered", null, List.of("https://example.com/graph", "log line 12"));
    }

    long factorCount() {
        return jdbc.sql("select count(*) from contributing_factors")
                .query(Long.class)
                .single();
    }

    List<String> actions(IncidentId id) {
        return audit.forIncident(id.value()).stream().map(AuditEntry::action).toList();
    }

    static List<String> fields(InvalidInputException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void seedsTheTaxonomyWithEightDescribedCategories() {
        assertThat(categories.list())
                .extracting(FactorCategory::key)
                .startsWith(
                        "change",
                        "capacity",
                        "dependency",
                        "configuration",
                        "detection-gap",
                        "process",
                        "tooling",
                        "knowledge");
        assertThat(categories.list())
                .allSatisfy(c -> assertThat(c.description()).isNotBlank());
    }

    @Test
    void letsOnlyAdminsAddCategoriesAndRefusesDuplicatesAndBadKeys() {
        String key = "vendor-" + unique;
        assertThatThrownBy(() -> categories.define(editor, key, "Vendor changes"))
                .isInstanceOf(ForbiddenException.class);

        FactorCategory added = categories.define(admin, key, "  Changes made by a vendor  ");

        assertThat(added).isEqualTo(new FactorCategory(key, "Changes made by a vendor"));
        assertThat(categories.list()).last().isEqualTo(added);
        assertThatThrownBy(() -> categories.define(admin, key, "again")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> categories.define(admin, "Has Space", ""))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("key", "description"));
    }

    @Test
    void addsAFactorAndRecordsItInTheIncidentsAuditTrail() {
        ContributingFactor added =
                analysis.add(editor, incident, factor("root_cause", "  Retry storm after deploy ", "change"));

        assertThat(added.kind()).isEqualTo(FactorKind.ROOT_CAUSE);
        assertThat(added.title()).isEqualTo("Retry storm after deploy");
        assertThat(added.method()).isEqualTo(AnalysisMethod.MANUAL);
        assertThat(added.evidence()).containsExactly("https://example.com/graph", "log line 12");
        assertThat(added.version()).isZero();
        assertThat(analysis.factorsOf(editor, incident)).containsExactly(added);
        AuditEntry entry = audit.forIncident(incident.value()).getFirst();
        assertThat(entry.action()).isEqualTo("factor-added");
        assertThat(entry.actor()).isEqualTo(editor.username());
        assertThat(entry.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("category");
            assertThat(c.after()).isEqualTo("change");
        });
    }

    @Test
    void rejectsEveryBrokenRuleAtOnceAndChangesNothing() {
        long before = factorCount();
        List<String> evidence = new ArrayList<>();
        evidence.add("x".repeat(1001));

        assertThatThrownBy(() -> analysis.add(
                        editor, incident, new FactorForm("cause", "t".repeat(201), "weather", null, "guess", evidence)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e))
                                .containsExactlyInAnyOrder("kind", "title", "category", "method", "evidence[0]"));
        assertThatThrownBy(() -> analysis.add(editor, incident, factor("ROOT_CAUSE", " ", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("title", "category"));
        assertThat(factorCount()).isEqualTo(before);
        assertThat(actions(incident)).doesNotContain("factor-added");
    }

    @Test
    void refusesAnEditBasedOnAnOutdatedVersion() {
        ContributingFactor added =
                analysis.add(editor, incident, factor("CONTRIBUTING_FACTOR", "No alert", "detection-gap"));
        ContributingFactor saved = analysis.update(
                editor,
                incident,
                added.id(),
                factor("CONTRIBUTING_FACTOR", "No alert on queue depth", "detection-gap"),
                0);
        assertThat(saved.version()).isEqualTo(1);

        assertThatThrownBy(
                        () -> analysis.update(editor, incident, added.id(), factor("ROOT_CAUSE", "Mine", "process"), 0))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(1));
        assertThatThrownBy(() -> analysis.remove(editor, incident, added.id(), 0))
                .isInstanceOf(ConflictException.class);

        assertThat(analysis.factor(editor, incident, added.id()).title()).isEqualTo("No alert on queue depth");
        assertThat(actions(incident)).contains("factor-updated").doesNotContain("factor-removed");
        analysis.remove(editor, incident, added.id(), 1);
        assertThat(analysis.factorsOf(editor, incident)).isEmpty();
        assertThat(actions(incident).getFirst()).isEqualTo("factor-removed");
    }

    @Test
    void keepsARestrictedIncidentsAnalysisInvisibleToOutsiders() {
        Incident restricted =
                incidents.create(editor, with(sev2("Secret " + unique), "SEV2", "restricted", List.of(), List.of()));
        IncidentId id = restricted.id();
        ContributingFactor f = analysis.add(editor, id, factor("ROOT_CAUSE", "Leaked key", "configuration"));
        FiveWhys tree = fiveWhys.start(editor, id, "Key leaked");
        Actor outsider = TestUsers.create(accounts, "editor");

        assertThatThrownBy(() -> analysis.factorsOf(outsider, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> analysis.factor(outsider, id, f.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fiveWhys.of(outsider, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> analysis.add(outsider, id, factor("ROOT_CAUSE", "x", "change")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fiveWhys.addWhy(outsider, id, tree.id(), null, "because", List.of()))
                .isInstanceOf(NotFoundException.class);
        assertThat(analysis.factorsByCategory(outsider, List.of(id, incident))).isEmpty();
        assertThat(analysis.factorsOf(admin, id)).containsExactly(f);
    }

    @Test
    void refusesChangesFromViewersAndIdsFromAnotherIncident() {
        Actor viewer = TestUsers.create(accounts, "viewer");
        ContributingFactor f = analysis.add(editor, incident, factor("ROOT_CAUSE", "Cause", "change"));
        IncidentId other = incidents.create(editor, sev2("Other " + unique)).id();

        assertThatThrownBy(() -> analysis.add(viewer, incident, factor("ROOT_CAUSE", "x", "change")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> fiveWhys.start(viewer, incident, "Problem")).isInstanceOf(ForbiddenException.class);
        assertThat(analysis.factorsOf(viewer, incident)).containsExactly(f);
        assertThatThrownBy(() -> analysis.remove(editor, other, f.id(), 0)).isInstanceOf(NotFoundException.class);
        assertThat(analysis.factorsOf(editor, incident)).containsExactly(f);
    }

    @Test
    void buildsABranchingTreeAndReadsItsChainsTopToBottom() {
        FiveWhys tree = fiveWhys.start(editor, incident, "Checkout failed for 40 minutes");
        WhyNode a =
                fiveWhys.addWhy(editor, incident, tree.id(), null, "Payments timed out", List.of("https://grafana/x"));
        WhyNode b = fiveWhys.addWhy(editor, incident, tree.id(), a.id(), "The pool was exhausted", List.of());
        WhyNode c = fiveWhys.addWhy(editor, incident, tree.id(), a.id(), "Retries multiplied load", List.of());
        WhyNode d = fiveWhys.addWhy(editor, incident, tree.id(), b.id(), "Pool size was set to 5", List.of());

        FiveWhys read = fiveWhys.get(editor, incident, tree.id());

        assertThat(read.problem()).isEqualTo("Checkout failed for 40 minutes");
        assertThat(read.children(null)).extracting(WhyNode::id).containsExactly(a.id());
        assertThat(read.children(a.id())).extracting(WhyNode::id).containsExactly(b.id(), c.id());
        assertThat(read.nodes()).extracting(WhyNode::depth).containsExactly(1, 2, 3, 2);
        assertThat(read.chains())
                .extracting(chain -> chain.stream().map(WhyNode::text).toList())
                .containsExactly(
                        List.of("Payments timed out", "The pool was exhausted", "Pool size was set to 5"),
                        List.of("Payments timed out", "Retries multiplied load"));
        assertThat(read.nodes().getFirst().references()).containsExactly("https://grafana/x");
        assertThat(d.depth()).isEqualTo(3);
        assertThat(actions(incident)).contains("five-whys-started", "why-added");
    }

    @Test
    void refusesAParentFromAnotherTreeAndEmptyOrOverlongAnswers() {
        FiveWhys first = fiveWhys.start(editor, incident, "First problem");
        FiveWhys second = fiveWhys.start(editor, incident, "Second problem");
        WhyNode inFirst = fiveWhys.addWhy(editor, incident, first.id(), null, "Because", List.of());

        assertThatThrownBy(() -> fiveWhys.addWhy(editor, incident, second.id(), inFirst.id(), "Elsewhere", List.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("parentId"));
        assertThatThrownBy(() -> fiveWhys.addWhy(editor, incident, second.id(), null, "  ", List.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("text"));
        assertThatThrownBy(() -> fiveWhys.addWhy(editor, incident, second.id(), null, "y".repeat(1001), List.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("text"));
        assertThatThrownBy(() -> fiveWhys.start(editor, incident, "")).isInstanceOf(InvalidInputException.class);
        assertThat(fiveWhys.get(editor, incident, second.id()).nodes()).isEmpty();
    }

    @Test
    void refusesMovesThatWouldMakeACycle() {
        FiveWhys tree = fiveWhys.start(editor, incident, "Problem");
        WhyNode a = fiveWhys.addWhy(editor, incident, tree.id(), null, "A", List.of());
        WhyNode b = fiveWhys.addWhy(editor, incident, tree.id(), a.id(), "B", List.of());
        WhyNode c = fiveWhys.addWhy(editor, incident, tree.id(), b.id(), "C", List.of());

        assertThatThrownBy(() -> fiveWhys.updateWhy(editor, incident, tree.id(), a.id(), c.id(), "A", List.of(), 0))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("parentId"));
        assertThatThrownBy(() -> fiveWhys.updateWhy(editor, incident, tree.id(), a.id(), a.id(), "A", List.of(), 0))
                .isInstanceOf(InvalidInputException.class);

        WhyNode moved = fiveWhys.updateWhy(editor, incident, tree.id(), c.id(), a.id(), "C moved", List.of(), 0);
        assertThat(moved.depth()).isEqualTo(2);
        assertThat(moved.version()).isEqualTo(1);
        assertThat(fiveWhys.get(editor, incident, tree.id()).children(a.id()))
                .extracting(WhyNode::text)
                .containsExactly("B", "C moved");
    }

    @Test
    void limitsAnswersToTwentyLevelsWhenAddingAndWhenMoving() {
        FiveWhys tree = fiveWhys.start(editor, incident, "Deep problem");
        Long parent = null;
        List<WhyNode> chain = new ArrayList<>();
        for (int depth = 1; depth <= FiveWhysAnalysis.MAX_DEPTH; depth++) {
            WhyNode n = fiveWhys.addWhy(editor, incident, tree.id(), parent, "Level " + depth, List.of());
            chain.add(n);
            parent = n.id();
        }
        assertThat(chain.getLast().depth()).isEqualTo(20);
        Long deepest = parent;

        assertThatThrownBy(() -> fiveWhys.addWhy(editor, incident, tree.id(), deepest, "Level 21", List.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("parentId"));
        WhyNode side = fiveWhys.addWhy(editor, incident, tree.id(), null, "Side", List.of());
        fiveWhys.addWhy(editor, incident, tree.id(), side.id(), "Below side", List.of());
        long atNineteen = chain.get(18).id();
        assertThatThrownBy(() ->
                        fiveWhys.updateWhy(editor, incident, tree.id(), side.id(), atNineteen, "Side", List.of(), 0))
                .isInstanceOf(InvalidInputException.class);
        assertThat(fiveWhys.get(editor, incident, tree.id()).nodes()).hasSize(22);
    }

    @Test
    void markingCreatesTheLinkedFactorAndUnmarkingRemovesIt() {
        FiveWhys tree = fiveWhys.start(editor, incident, "Checkout failed");
        WhyNode a = fiveWhys.addWhy(editor, incident, tree.id(), null, "Pool exhausted", List.of());
        WhyNode b = fiveWhys.addWhy(editor, incident, tree.id(), a.id(), "Pool size set to 5", List.of("PR #42"));

        ContributingFactor marked = fiveWhys.mark(editor, incident, tree.id(), b.id(), "ROOT_CAUSE", "configuration");

        assertThat(marked.method()).isEqualTo(AnalysisMethod.FIVE_WHYS);
        assertThat(marked.whyNodeId()).isEqualTo(b.id());
        assertThat(marked.title()).isEqualTo("Pool size set to 5");
        assertThat(marked.category()).isEqualTo("configuration");
        assertThat(marked.description()).contains("Checkout failed").contains("Pool exhausted → Pool size set to 5");
        assertThat(marked.evidence()).containsExactly("PR #42");
        assertThat(analysis.factorsOf(editor, incident)).containsExactly(marked);
        assertThat(fiveWhys.get(editor, incident, tree.id()).nodes().getLast().factor())
                .isEqualTo(marked);

        ContributingFactor remarked =
                fiveWhys.mark(editor, incident, tree.id(), b.id(), "contributing-factor", "process");
        assertThat(remarked.id()).isEqualTo(marked.id());
        assertThat(remarked.kind()).isEqualTo(FactorKind.CONTRIBUTING_FACTOR);
        assertThat(remarked.version()).isEqualTo(1);

        fiveWhys.updateWhy(editor, incident, tree.id(), b.id(), a.id(), "Pool size was 5", List.of(), 0);
        assertThat(analysis.factor(editor, incident, marked.id()).title()).isEqualTo("Pool size was 5");

        fiveWhys.unmark(editor, incident, tree.id(), b.id());

        assertThat(analysis.factorsOf(editor, incident)).isEmpty();
        assertThat(fiveWhys.get(editor, incident, tree.id()).nodes().getLast().factor())
                .isNull();
        assertThat(actions(incident)).contains("why-marked", "why-unmarked", "why-updated");
    }

    @Test
    void refusesToMarkWithAnUnknownCategoryOrKind() {
        FiveWhys tree = fiveWhys.start(editor, incident, "Problem");
        WhyNode a = fiveWhys.addWhy(editor, incident, tree.id(), null, "Because", List.of());
        long before = factorCount();

        assertThatThrownBy(() -> fiveWhys.mark(editor, incident, tree.id(), a.id(), "ROOT_CAUSE", "bad-luck"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("category"));
        assertThatThrownBy(() -> fiveWhys.mark(editor, incident, tree.id(), a.id(), "BLAME", "change"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("kind"));
        assertThat(factorCount()).isEqualTo(before);
    }

    @Test
    void removingAnAnswerRemovesTheAnswersBelowAndTheirFactors() {
        FiveWhys tree = fiveWhys.start(editor, incident, "Problem");
        WhyNode a = fiveWhys.addWhy(editor, incident, tree.id(), null, "A", List.of());
        WhyNode b = fiveWhys.addWhy(editor, incident, tree.id(), a.id(), "B", List.of());
        WhyNode keep = fiveWhys.addWhy(editor, incident, tree.id(), null, "Keep", List.of());
        fiveWhys.mark(editor, incident, tree.id(), b.id(), "ROOT_CAUSE", "change");
        ContributingFactor kept =
                fiveWhys.mark(editor, incident, tree.id(), keep.id(), "CONTRIBUTING_FACTOR", "tooling");

        assertThatThrownBy(() -> fiveWhys.removeWhy(editor, incident, tree.id(), a.id(), 7))
                .isInstanceOf(ConflictException.class);
        fiveWhys.removeWhy(editor, incident, tree.id(), a.id(), 0);

        assertThat(fiveWhys.get(editor, incident, tree.id()).nodes())
                .extracting(WhyNode::text)
                .containsExactly("Keep");
        assertThat(analysis.factorsOf(editor, incident)).containsExactly(kept);
        AuditEntry entry = audit.forIncident(incident.value()).getFirst();
        assertThat(entry.action()).isEqualTo("why-removed");
        assertThat(entry.summary()).contains("1 answer(s) below it");
    }

    @Test
    void rewordsAProblemWithItsVersionAndRemovesATreeWithItsFactors() {
        FiveWhys tree = fiveWhys.start(editor, incident, "Problem tpyo");
        WhyNode a = fiveWhys.addWhy(editor, incident, tree.id(), null, "A", List.of());
        fiveWhys.addWhy(editor, incident, tree.id(), a.id(), "B", List.of());
        fiveWhys.mark(editor, incident, tree.id(), a.id(), "ROOT_CAUSE", "knowledge");
        ContributingFactor manual = analysis.add(editor, incident, factor("CONTRIBUTING_FACTOR", "Manual", "process"));

        FiveWhys reworded = fiveWhys.reword(editor, incident, tree.id(), "Problem typo", 0);
        assertThat(reworded.problem()).isEqualTo("Problem typo");
        assertThat(reworded.version()).isEqualTo(1);
        assertThatThrownBy(() -> fiveWhys.reword(editor, incident, tree.id(), "Mine", 0))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(1));
        assertThatThrownBy(() -> fiveWhys.remove(editor, incident, tree.id(), 0))
                .isInstanceOf(ConflictException.class);

        fiveWhys.remove(editor, incident, tree.id(), 1);

        assertThat(fiveWhys.of(editor, incident)).isEmpty();
        assertThat(analysis.factorsOf(editor, incident)).containsExactly(manual);
        assertThat(actions(incident)).contains("five-whys-reworded", "five-whys-removed");
    }

    @Test
    void groupsFactorsByCategoryAcrossIncidents() {
        IncidentId second = incidents.create(editor, sev2("Second " + unique)).id();
        ContributingFactor one = analysis.add(editor, incident, factor("ROOT_CAUSE", "One", "configuration"));
        ContributingFactor two = analysis.add(editor, second, factor("ROOT_CAUSE", "Two", "configuration"));
        ContributingFactor three = analysis.add(editor, second, factor("CONTRIBUTING_FACTOR", "Three", "change"));

        Map<String, List<ContributingFactor>> grouped =
                analysis.factorsByCategory(editor, List.of(incident, second, new IncidentId(Long.MAX_VALUE)));

        assertThat(grouped.keySet()).containsExactly("change", "configuration");
        assertThat(grouped.get("configuration")).containsExactlyInAnyOrder(one, two);
        assertThat(grouped.get("change")).containsExactly(three);
    }
}
