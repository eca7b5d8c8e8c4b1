package dev.hindsight.search;

import static dev.hindsight.incident.IncidentFixtures.sev2;
import static dev.hindsight.incident.IncidentFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.actions.ActionForm;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.analysis.FactorForm;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.catalog.ServiceCatalog;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentForm;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.testing.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Search over the database: ranking, facets, highlighting, visibility, rebuild and two nodes following one change
 * table. Each test uses words of its own, so the shared test database does not disturb it.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class IncidentSearchContract {

    @Autowired
    IncidentSearch search;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    RootCauseAnalysis analysis;

    @Autowired
    ActionItems actions;

    @Autowired
    ServiceCatalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    List<SearchContributor> contributors;

    Actor admin;
    Actor editor;
    Actor viewer;
    String word;

    @BeforeEach
    void setUp() {
        admin = TestUsers.admin(accounts);
        editor = TestUsers.create(accounts, "editor");
        viewer = TestUsers.create(accounts, "viewer");
        word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    Incident create(String title, String summary, String severity, String visibility, List<String> services) {
        IncidentForm base = sev2(title);
        IncidentForm form = new IncidentForm(
                title,
                summary,
                base.severity(),
                base.status(),
                base.visibility(),
                base.services(),
                "Customers saw errors",
                base.usersAffected(),
                base.errorBudgetConsumed(),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                Map.of());
        return incidents.create(editor, with(form, severity, visibility, services, List.of("t-" + word)));
    }

    String service(String name) {
        String slug = name + "-" + word;
        catalog.create(admin, slug, "test", null);
        return slug;
    }

    @Test
    void ranksTitleMatchesAboveSummaryAndActionMatches() {
        Incident inAction = create("Queue backlog", "Workers were slow", "SEV3", null, List.of());
        actions.add(
                editor,
                inAction.id(),
                new ActionForm(word + " alerting", null, "prevent", "P2", null, null, null, null, null, List.of()));
        Incident inSummary = create("Database failover", "The " + word + " replica lagged", "SEV2", null, List.of());
        Incident inTitle = create("Outage of " + word, "Everything was down", "SEV1", null, List.of());
        search.follow();

        SearchResults results = search.search(viewer, word, 0, 10);

        assertThat(results.hits())
                .extracting(SearchResults.Hit::key)
                .containsExactly(inTitle.key(), inSummary.key(), inAction.key());
        assertThat(results.total()).isEqualTo(3);
    }

    @Test
    void countsFacetsOverAllHitsAndFiltersByFieldQueries() {
        String checkout = service("checkout");
        String payments = service("payments");
        create("Checkout " + word + " one", "a", "SEV1", null, List.of(checkout));
        create("Checkout " + word + " two", "b", "SEV2", null, List.of(checkout, payments));
        Incident third = create("Payments " + word, "c", "SEV2", null, List.of(payments));
        analysis.add(
                editor,
                third.id(),
                new FactorForm("contributing factor", "Expired cert", "configuration", null, null, null));
        search.follow();

        SearchResults all = search.search(viewer, word, 0, 2);

        assertThat(all.total()).isEqualTo(3);
        assertThat(all.hits()).hasSize(2);
        assertThat(all.facets().get("service"))
                .extracting(SearchResults.FacetCount::value, SearchResults.FacetCount::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(checkout, 2L),
                        org.assertj.core.groups.Tuple.tuple(payments, 2L));
        assertThat(all.facets().get("severity"))
                .extracting(SearchResults.FacetCount::value, SearchResults.FacetCount::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SEV2", 2L),
                        org.assertj.core.groups.Tuple.tuple("SEV1", 1L));
        assertThat(all.facets().get("category"))
                .extracting(SearchResults.FacetCount::value, SearchResults.FacetCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("configuration", 1L));
        assertThat(all.facets().get("date"))
                .extracting(SearchResults.FacetCount::count)
                .contains(3L);

        assertThat(search.search(viewer, word + " severity:sev2", 0, 10).total())
                .isEqualTo(2);
        assertThat(search.search(viewer, word + " service:\"" + checkout + "\"", 0, 10)
                        .total())
                .isEqualTo(2);
        assertThat(search.search(viewer, word + " category:configuration", 0, 10)
                        .hits())
                .extracting(SearchResults.Hit::key)
                .containsExactly(third.key());
        assertThat(search.search(viewer, word + " date:[2000-01-01 TO 2000-12-31]", 0, 10)
                        .total())
                .isZero();
        assertThat(search.search(viewer, word + " -checkout", 0, 10).total()).isEqualTo(1);
        assertThat(search.search(viewer, word + " page2", 1, 2).hits()).isEmpty();
        assertThat(search.search(viewer, word, 1, 2).hits()).hasSize(1);
    }

    @Test
    void highlightsMatchesAndEscapesMarkup() {
        create("Latency " + word, "The <script>alert(1)</script> " + word + " cache was cold", "SEV3", null, List.of());
        search.follow();

        SearchResults.Hit hit =
                search.search(viewer, "\"" + word + " cache\"", 0, 10).hits().getFirst();

        assertThat(hit.snippets().get("summary"))
                .contains("<mark>" + word + "</mark> <mark>cache</mark>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(hit.titleHtml()).isEqualTo("Latency " + word);
    }

    @Test
    void neverShowsRestrictedIncidentsToOthersNotEvenInCounts() {
        String secret = service("secret");
        create("Open " + word, "x", "SEV2", null, List.of());
        create("Hidden " + word, "x", "SEV1", "restricted", List.of(secret));
        search.follow();

        SearchResults forViewer = search.search(viewer, word, 0, 10);
        assertThat(forViewer.total()).isEqualTo(1);
        assertThat(forViewer.hits()).extracting(SearchResults.Hit::title).containsExactly("Open " + word);
        assertThat(forViewer.facets().get("service")).isEmpty();
        assertThat(forViewer.facets().get("severity"))
                .extracting(SearchResults.FacetCount::value)
                .containsExactly("SEV2");
        assertThat(search.search(viewer, "hidden " + word, 0, 10).total()).isZero();

        assertThat(search.search(editor, word, 0, 10).total()).isEqualTo(2);
        assertThat(search.search(admin, word, 0, 10).total()).isEqualTo(2);
    }

    @Test
    void seesEditsAfterFollowingTheChangeTable() {
        Incident incident = create("Before " + word, "x", "SEV2", null, List.of());
        search.follow();
        incidents.update(
                editor,
                incident.id(),
                with(IncidentForm.of(incidents.get(editor, incident.id())), "SEV4", null, List.of(), List.of()),
                incident.version());
        analysis.add(
                editor,
                incident.id(),
                new FactorForm("root cause", "Kafka " + word + "x rebalance", "capacity", null, null, null));

        assertThat(search.follow()).isEqualTo(1);

        assertThat(search.search(viewer, word + " severity:sev4", 0, 10).total())
                .isEqualTo(1);
        assertThat(search.search(viewer, word + "x", 0, 10).hits().getFirst().snippets())
                .containsKey("factors");
    }

    @Autowired
    dev.hindsight.timeline.IncidentTimeline timeline;

    @Autowired
    dev.hindsight.postmortem.PostmortemDocuments postmortems;

    @Test
    void searchesStatementsAndPostmortemDocuments() {
        Incident incident = create("Narrated " + word, "x", "SEV2", null, List.of());
        timeline.addStatement(
                editor,
                incident.id(),
                new dev.hindsight.timeline.StatementForm(
                        "I saw " + word + "s in the dashboard", List.of("2026-03-02T10:05:00Z"), List.of(), false));
        postmortems.saveSection(editor, incident.id(), "what-happened", "The " + word + "pm pool shrank.", -1);
        search.follow();

        assertThat(search.search(viewer, word + "s", 0, 10).hits().getFirst().snippets())
                .containsKey("timeline");
        assertThat(search.search(viewer, word + "pm", 0, 10).hits().getFirst().snippets())
                .containsKey("postmortem");
    }

    @Test
    void rejectsQueriesThatCannotBeParsed() {
        assertThatThrownBy(() -> search.search(viewer, "title:(unclosed", 0, 10))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> search.search(viewer, "date:[yesterday TO *]", 0, 10))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> search.search(viewer, "x", -1, 10)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rebuildsAMissingIndexFromTheDatabaseAndTwoNodesBothFollowChanges(@TempDir Path dirs) throws Exception {
        Incident first = create("Existing " + word, "x", "SEV2", null, List.of());
        IncidentSearch nodeA = node(dirs.resolve("a"));
        IncidentSearch nodeB = node(dirs.resolve("b"));
        try {
            assertThat(nodeA.ensureCurrent()).isTrue();
            assertThat(nodeB.ensureCurrent()).isTrue();
            assertThat(nodeA.search(viewer, word, 0, 10).hits())
                    .extracting(SearchResults.Hit::key)
                    .containsExactly(first.key());

            Incident second = create("Later " + word, "x", "SEV2", null, List.of());
            assertThat(nodeA.search(viewer, word, 0, 10).total()).isEqualTo(1);
            nodeA.follow();
            nodeB.follow();

            assertThat(nodeA.search(viewer, word, 0, 10).total()).isEqualTo(2);
            assertThat(nodeB.search(viewer, word, 0, 10).hits())
                    .extracting(SearchResults.Hit::key)
                    .contains(second.key());
            assertThat(nodeA.indexedSequence())
                    .isEqualTo(nodeB.indexedSequence())
                    .isPositive();
        } finally {
            nodeA.close();
            nodeB.close();
        }
        IncidentSearch reopened = node(dirs.resolve("a"));
        try {
            assertThat(reopened.ensureCurrent()).isFalse();
            assertThat(reopened.search(viewer, word, 0, 10).total()).isEqualTo(2);
        } finally {
            reopened.close();
        }
    }

    @Test
    void prunesOldChangesAndRebuildsAnIndexThatFollowedNoneForTooLong(@TempDir Path dirs) throws Exception {
        Incident incident = create("Pruned " + word, "x", "SEV2", null, List.of());
        var old = java.time.OffsetDateTime.now(clock)
                .minus(IncidentSearch.RETENTION)
                .minusDays(1);
        jdbc.sql("update search_changes set changed_at = ? where incident_id = ?")
                .params(old, incident.id().value())
                .update();

        search.prune();

        assertThat(jdbc.sql("select count(*) from search_changes where incident_id = ?")
                        .param(incident.id().value())
                        .query(Long.class)
                        .single())
                .isZero();

        IncidentSearch stale = node(dirs.resolve("stale"));
        try {
            stale.engine()
                    .commit(Map.of(
                            "schema",
                            IncidentSearch.SCHEMA,
                            "seq",
                            "0",
                            "followedAt",
                            old.toInstant().toString()));
            assertThat(stale.ensureCurrent()).isTrue();
            assertThat(stale.search(viewer, word, 0, 10).total()).isEqualTo(1);
        } finally {
            stale.close();
        }
    }

    @Test
    void findsSimilarIncidentsWithReasons() {
        String db = service("db");
        Incident subject = create(
                "Postgres " + word + " connection pool exhausted",
                "Pool exhausted after deploy",
                "SEV2",
                null,
                List.of(db));
        analysis.add(
                editor,
                subject.id(),
                new FactorForm("contributing factor", "Pool too small", "capacity", null, null, null));
        Incident alike =
                create("Connection pool exhausted " + word, "Pool exhausted under load", "SEV3", null, List.of(db));
        analysis.add(
                editor,
                alike.id(),
                new FactorForm("contributing factor", "No autoscaling", "capacity", null, null, null));
        Incident unrelated = create("Typo on pricing page " + word, "Marketing text wrong", "SEV5", null, List.of());
        Incident hidden = create(
                "Connection pool exhausted " + word + " again", "Pool exhausted", "SEV2", "restricted", List.of(db));
        search.follow();

        List<SimilarIncident> similar = search.similar(viewer, subject.id(), 50);

        assertThat(similar).extracting(SimilarIncident::key).doesNotContain(subject.key(), hidden.key());
        assertThat(similar.getFirst().key()).isEqualTo(alike.key());
        assertThat(similar.getFirst().reasons())
                .contains("shared service " + db, "factor category capacity", "similar wording");
        int unrelatedRank = similar.stream().map(SimilarIncident::key).toList().indexOf(unrelated.key());
        assertThat(unrelatedRank).isNotZero();
        assertThat(search.similar(editor, subject.id(), 50))
                .extracting(SimilarIncident::key)
                .contains(hidden.key());
    }

    IncidentSearch node(Path dir) throws Exception {
        Files.createDirectories(dir);
        return new IncidentSearch(incidents, contributors, jdbc, clock, dir);
    }
}
