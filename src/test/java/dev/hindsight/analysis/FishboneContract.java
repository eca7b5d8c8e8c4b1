package dev.hindsight.analysis;

import static dev.hindsight.incident.IncidentFixtures.sev2;
import static dev.hindsight.incident.IncidentFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.audit.AuditEntry;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The fishbone rules (default categories, two levels of causes, promotion, roles, visibility), on each database. */
@SpringBootTest
@ActiveProfiles("test")
abstract class FishboneContract {

    @Autowired
    FishboneAnalysis fishbones;

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

    Actor editor;
    String unique;
    IncidentId incident;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
        unique = UUID.randomUUID().toString().substring(0, 8);
        incident = incidents.create(editor, sev2("Fishbone " + unique)).id();
    }

    List<String> actions() {
        return audit.forIncident(incident.value()).stream()
                .map(AuditEntry::action)
                .toList();
    }

    static List<String> fields(InvalidInputException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    long causeCount() {
        return jdbc.sql("select count(*) from fishbone_causes")
                .query(Long.class)
                .single();
    }

    FishboneCategory category(Fishbone fishbone, String name) {
        return fishbone.categories().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void startsADiagramWithTheDefaultSoftwareCategoriesAndRecordsIt() {
        Fishbone created = fishbones.create(editor, incident, "  Checkout failed for 40 minutes ");

        assertThat(created.effect()).isEqualTo("Checkout failed for 40 minutes");
        assertThat(created.version()).isZero();
        assertThat(created.categories())
                .extracting(FishboneCategory::name)
                .containsExactly(
                        "Code & changes",
                        "Configuration",
                        "Infrastructure & capacity",
                        "Dependencies",
                        "Monitoring & detection",
                        "Process & tooling",
                        "Knowledge & documentation",
                        "Environment & load");
        assertThat(created.categories()).extracting(FishboneCategory::position).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(fishbones.of(editor, incident)).containsExactly(created);
        AuditEntry entry = audit.forIncident(incident.value()).getFirst();
        assertThat(entry.action()).isEqualTo("fishbone-created");
        assertThat(entry.actor()).isEqualTo(editor.username());
        assertThat(entry.changes()).anySatisfy(c -> assertThat(c.after()).isEqualTo("Checkout failed for 40 minutes"));
    }

    @Test
    void refusesAnEmptyOrTooLongEffectAndCreatesNothing() {
        assertThatThrownBy(() -> fishbones.create(editor, incident, "  "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("effect"));
        assertThatThrownBy(() -> fishbones.create(editor, incident, "x".repeat(301)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().message()).contains("at most 300"));

        assertThat(fishbones.of(editor, incident)).isEmpty();
        assertThat(actions()).doesNotContain("fishbone-created");
    }

    @Test
    void addsCausesAndSubCausesButNoThirdLevel() {
        Fishbone fishbone = fishbones.create(editor, incident, "Queue backed up");
        FishboneCategory config = category(fishbone, "Configuration");

        FishboneCause cause = fishbones.addCause(editor, incident, fishbone.id(), config.id(), null, "Pool size 5");
        FishboneCause sub =
                fishbones.addCause(editor, incident, fishbone.id(), null, cause.id(), "Copied from staging");

        assertThat(sub.categoryId()).isEqualTo(config.id());
        assertThat(sub.parentId()).isEqualTo(cause.id());
        long before = causeCount();
        assertThatThrownBy(() -> fishbones.addCause(editor, incident, fishbone.id(), null, sub.id(), "Too deep"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("parentId"));
        FishboneCategory other = category(fishbone, "Dependencies");
        assertThatThrownBy(() -> fishbones.addCause(editor, incident, fishbone.id(), other.id(), cause.id(), "Mixed"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("categoryId"));
        assertThatThrownBy(() -> fishbones.addCause(editor, incident, fishbone.id(), null, null, ""))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("text", "categoryId"));
        assertThat(causeCount()).isEqualTo(before);

        Fishbone read = fishbones.get(editor, incident, fishbone.id());
        FishboneCause stored = category(read, "Configuration").causes().getFirst();
        assertThat(stored.text()).isEqualTo("Pool size 5");
        assertThat(stored.subCauses()).extracting(FishboneCause::text).containsExactly("Copied from staging");
        assertThat(actions()).contains("fishbone-cause-added", "fishbone-subcause-added");
    }

    @Test
    void promotesACauseToAContributingFactorWithTheFishboneMethod() {
        Fishbone fishbone = fishbones.create(editor, incident, "Checkout failed");
        FishboneCategory config = category(fishbone, "Configuration");
        FishboneCause cause = fishbones.addCause(editor, incident, fishbone.id(), config.id(), null, "Pool size 5");
        FishboneCause sub =
                fishbones.addCause(editor, incident, fishbone.id(), null, cause.id(), "Copied from staging");

        ContributingFactor factor =
                fishbones.promote(editor, incident, fishbone.id(), sub.id(), "contributing factor", "configuration");

        assertThat(factor.method()).isEqualTo(AnalysisMethod.FISHBONE);
        assertThat(factor.kind()).isEqualTo(FactorKind.CONTRIBUTING_FACTOR);
        assertThat(factor.title()).isEqualTo("Copied from staging");
        assertThat(factor.category()).isEqualTo("configuration");
        assertThat(factor.description()).contains("Checkout failed").contains("Configuration → Pool size 5 → Copied");
        assertThat(analysis.factorsOf(editor, incident)).containsExactly(factor);
        FishboneCause promoted =
                fishbones.get(editor, incident, fishbone.id()).cause(sub.id()).orElseThrow();
        assertThat(promoted.factor()).isEqualTo(factor);
        assertThat(actions()).contains("factor-added", "fishbone-cause-promoted");

        assertThatThrownBy(() -> fishbones.promote(editor, incident, fishbone.id(), sub.id(), "ROOT_CAUSE", "change"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("causeId"));
        assertThatThrownBy(() -> fishbones.promote(editor, incident, fishbone.id(), cause.id(), "ROOT_CAUSE", "nope"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("category"));
        assertThat(analysis.factorsOf(editor, incident)).hasSize(1);

        analysis.remove(editor, incident, factor.id(), factor.version());
        assertThat(fishbones
                        .get(editor, incident, fishbone.id())
                        .cause(sub.id())
                        .orElseThrow()
                        .isPromoted())
                .isFalse();
    }

    @Test
    void renamesMovesAndRemovesCategoriesWithVersions() {
        Fishbone fishbone = fishbones.create(editor, incident, "Disk full");
        FishboneCategory env = category(fishbone, "Environment & load");
        FishboneCategory code = category(fishbone, "Code & changes");

        FishboneCategory renamed =
                fishbones.updateCategory(editor, incident, fishbone.id(), env.id(), "Environment", 0, 0);

        assertThat(renamed.name()).isEqualTo("Environment");
        assertThat(renamed.version()).isEqualTo(1);
        assertThat(fishbones.get(editor, incident, fishbone.id()).categories())
                .extracting(FishboneCategory::name)
                .startsWith("Environment", "Code & changes")
                .hasSize(8);
        assertThatThrownBy(() -> fishbones.updateCategory(editor, incident, fishbone.id(), env.id(), "X", null, 0))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(1));
        assertThatThrownBy(() ->
                        fishbones.updateCategory(editor, incident, fishbone.id(), code.id(), "configuration", null, 0))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("name"));
        FishboneCategory added = fishbones.addCategory(editor, incident, fishbone.id(), "Vendor");
        assertThat(added.position()).isEqualTo(8);
        fishbones.addCause(editor, incident, fishbone.id(), code.id(), null, "Bad deploy");

        fishbones.removeCategory(editor, incident, fishbone.id(), code.id(), 0);

        Fishbone after = fishbones.get(editor, incident, fishbone.id());
        assertThat(after.categories()).extracting(FishboneCategory::name).doesNotContain("Code & changes");
        assertThat(after.categories()).extracting(FishboneCategory::position).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(after.allCauses()).isEmpty();
        assertThat(actions())
                .contains("fishbone-category-updated", "fishbone-category-added", "fishbone-category-removed");
    }

    @Test
    void rewordsAndRemovesCausesAndTheDiagramOnlyAtTheCurrentVersion() {
        Fishbone fishbone = fishbones.create(editor, incident, "Latency");
        long cat = fishbone.categories().getFirst().id();
        FishboneCause cause = fishbones.addCause(editor, incident, fishbone.id(), cat, null, "GC pauses");
        fishbones.addCause(editor, incident, fishbone.id(), null, cause.id(), "Heap too small");

        assertThat(fishbones
                        .rewordCause(editor, incident, fishbone.id(), cause.id(), "Long GC pauses", 0)
                        .version())
                .isEqualTo(1);
        assertThatThrownBy(() -> fishbones.removeCause(editor, incident, fishbone.id(), cause.id(), 0))
                .isInstanceOf(ConflictException.class);
        fishbones.removeCause(editor, incident, fishbone.id(), cause.id(), 1);
        assertThat(fishbones.get(editor, incident, fishbone.id()).allCauses()).isEmpty();

        assertThat(fishbones
                        .reword(editor, incident, fishbone.id(), "p99 latency", 0)
                        .effect())
                .isEqualTo("p99 latency");
        assertThatThrownBy(() -> fishbones.remove(editor, incident, fishbone.id(), 0))
                .isInstanceOf(ConflictException.class);
        fishbones.remove(editor, incident, fishbone.id(), 1);
        assertThat(fishbones.of(editor, incident)).isEmpty();
        assertThat(actions()).contains("fishbone-cause-removed", "fishbone-updated", "fishbone-removed");
    }

    @Test
    void hidesARestrictedIncidentsDiagramsAndKeepsViewersToReading() {
        IncidentId restricted = incidents
                .create(editor, with(sev2("Secret " + unique), "SEV2", "restricted", List.of(), List.of()))
                .id();
        Fishbone secret = fishbones.create(editor, restricted, "Secret effect");
        Actor outsider = TestUsers.create(accounts, "editor");

        assertThatThrownBy(() -> fishbones.of(outsider, restricted)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fishbones.get(outsider, restricted, secret.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fishbones.svg(outsider, restricted, secret.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fishbones.addCause(
                        outsider,
                        restricted,
                        secret.id(),
                        secret.categories().getFirst().id(),
                        null,
                        "x"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fishbones.get(editor, incident, secret.id())).isInstanceOf(NotFoundException.class);

        Fishbone open = fishbones.create(editor, incident, "Open effect");
        Actor viewer = TestUsers.create(accounts, "viewer");
        assertThat(fishbones.get(viewer, incident, open.id())).isEqualTo(open);
        assertThatThrownBy(() -> fishbones.create(viewer, incident, "Mine")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> fishbones.addCause(
                        viewer,
                        incident,
                        open.id(),
                        open.categories().getFirst().id(),
                        null,
                        "Mine"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(fishbones.of(editor, incident)).containsExactly(open);
    }
}
