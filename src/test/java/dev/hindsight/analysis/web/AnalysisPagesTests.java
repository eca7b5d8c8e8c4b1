package dev.hindsight.analysis.web;

import static dev.hindsight.incident.IncidentFixtures.sev2;
import static dev.hindsight.incident.IncidentFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.analysis.FiveWhysAnalysis;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The analysis pages over real HTTP with form login: forms without JavaScript, roles, visibility, admin taxonomy. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnalysisPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    FiveWhysAnalysis fiveWhys;

    Actor editor;
    IncidentId incident;
    String page;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
        incident = incidents
                .create(editor, sev2("Pages " + UUID.randomUUID().toString().substring(0, 8)))
                .id();
        page = "/incidents/" + incident.key() + "/analysis";
    }

    HttpSession login(Actor actor) {
        return HttpSession.login("http://localhost:" + port, actor.username(), TestUsers.PASSWORD);
    }

    @Test
    void startsAFiveWhysWithoutJavaScriptAndKeepsTypedTextWhenAnAnswerIsRefused() {
        HttpSession session = login(editor);
        String csrf = session.csrfFrom(page);

        HttpResponse<String> started =
                session.postForm(page + "/five-whys", Map.of("problem", "Queue backed up", "_csrf", csrf));
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(started.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(page));
        long tree = fiveWhys.of(editor, incident).getFirst().id();
        assertThat(session.get(page).body()).contains("Queue backed up");

        HttpResponse<String> refused = session.postForm(
                page + "/five-whys/" + tree + "/whys", Map.of("text", "x".repeat(1001), "_csrf", csrf));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("at most 1000 characters").contains("value=\"" + "x".repeat(1001));
        assertThat(fiveWhys.of(editor, incident).getFirst().nodes()).isEmpty();

        HttpResponse<String> added = session.postForm(
                page + "/five-whys/" + tree + "/whys",
                Map.of(
                        "text",
                        "Consumers were paused",
                        "references",
                        "https://grafana/q ; deploy log 14:02",
                        "_csrf",
                        csrf));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(fiveWhys.of(editor, incident).getFirst().nodes().getFirst().references())
                .containsExactly("https://grafana/q", "deploy log 14:02");
        assertThat(session.get(page).body())
                .contains("href=\"https://grafana/q\"")
                .contains("deploy log 14:02");
    }

    @Test
    void showsViewersTheAnalysisWithoutFormsAndRefusesTheirChanges() {
        fiveWhys.start(editor, incident, "Disk filled up");
        HttpSession viewer = login(TestUsers.create(accounts, "viewer"));

        HttpResponse<String> read = viewer.get(page);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Disk filled up").doesNotContain("id=\"problem-form\"");
        assertThat(viewer.get("/incidents/" + incident.key() + "/factors-fragment")
                        .body())
                .contains("None recorded yet");

        String csrf = viewer.csrfFrom("/account");
        assertThat(viewer.postForm(page + "/five-whys", Map.of("problem", "Mine", "_csrf", csrf))
                        .statusCode())
                .isEqualTo(403);
        assertThat(fiveWhys.of(editor, incident)).hasSize(1);
    }

    @Test
    void answersNotFoundForARestrictedIncidentsPages() {
        IncidentId restricted = incidents
                .create(editor, with(sev2("Restricted pages"), "SEV2", "restricted", List.of(), List.of()))
                .id();
        HttpSession outsider = login(TestUsers.create(accounts, "editor"));

        assertThat(outsider.get("/incidents/" + restricted.key() + "/analysis").statusCode())
                .isEqualTo(404);
        assertThat(outsider.get("/incidents/" + restricted.key() + "/factors-fragment")
                        .statusCode())
                .isEqualTo(404);
        assertThat(login(editor)
                        .get("/incidents/" + restricted.key() + "/analysis")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void listsTheTaxonomyForAdminsOnly() {
        HttpSession admin = HttpSession.login("http://localhost:" + port, "admin", TestUsers.ADMIN_PASSWORD);

        HttpResponse<String> list = admin.get("/admin/factor-categories");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("detection-gap").contains("configuration");
        assertThat(login(editor).get("/admin/factor-categories").statusCode()).isEqualTo(403);
    }
}
