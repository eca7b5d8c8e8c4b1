package dev.hindsight.postmortem.web;

import static dev.hindsight.incident.IncidentFixtures.sev2;
import static dev.hindsight.incident.IncidentFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.postmortem.PostmortemDocuments;
import dev.hindsight.postmortem.PostmortemTemplates;
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

/** The postmortem pages over real HTTP with form login: editing, conflicts, roles, visibility, template admin. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PostmortemPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemDocuments documents;

    @Autowired
    PostmortemTemplates templates;

    Actor editor;
    String unique;
    IncidentId incident;
    String page;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
        unique = UUID.randomUUID().toString().substring(0, 8);
        incident = incidents.create(editor, sev2("Pages " + unique)).id();
        page = "/incidents/" + incident.key() + "/postmortem";
    }

    HttpSession login(Actor actor) {
        return HttpSession.login("http://localhost:" + port, actor.username(), TestUsers.PASSWORD);
    }

    @Test
    void savesASectionAndShowsTheOtherPersonsChangeWhenASaveIsStale() {
        HttpSession first = login(editor);
        Actor otherEditor = TestUsers.create(accounts, "editor");
        HttpSession second = login(otherEditor);
        String csrf1 = first.csrfFrom(page);
        String csrf2 = second.csrfFrom(page);

        HttpResponse<String> saved = first.postForm(
                page + "/sections/went-wrong",
                Map.of("body", "The dashboard lagged.", "version", "-1", "_csrf", csrf1));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("#section-went-wrong"));
        assertThat(first.get(page).body()).contains("The dashboard lagged.");

        HttpResponse<String> stale = second.postForm(
                page + "/sections/went-wrong", Map.of("body", "My own text", "version", "-1", "_csrf", csrf2));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body())
                .contains("id=\"conflict\"", editor.username(), "+The dashboard lagged.", ">My own text</textarea>");
        assertThat(documents
                        .get(editor, incident)
                        .section("went-wrong")
                        .orElseThrow()
                        .body())
                .isEqualTo("The dashboard lagged.");

        HttpResponse<String> history = second.get(page + "/history");
        assertThat(history.body()).contains("What went wrong", editor.username(), "+The dashboard lagged.");
    }

    @Test
    void showsViewersTheDocumentWithoutEditFormsAndRefusesTheirEdits() {
        documents.saveSection(editor, incident, "went-well", "Paging **worked**.", -1);
        Actor viewer = TestUsers.create(accounts, "viewer");
        HttpSession session = login(viewer);

        HttpResponse<String> read = session.get(page);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Paging <strong>worked</strong>.").doesNotContain("id=\"body-went-well\"");
        HttpResponse<String> refused = session.postForm(
                page + "/sections/went-well", Map.of("body", "x", "version", "0", "_csrf", session.csrfFrom(page)));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(session.get("/incidents/" + incident.key() + "/postmortem-fragment")
                        .body())
                .contains("1 of", "Open the postmortem");
    }

    @Test
    void hidesRestrictedDocumentsFromOutsiders() {
        IncidentId secret = incidents
                .create(editor, with(sev2("Secret " + unique), "SEV2", "restricted", List.of(), List.of()))
                .id();
        HttpSession outsider = login(TestUsers.create(accounts, "viewer"));

        for (String path :
                List.of("/postmortem", "/postmortem/history", "/postmortem-fragment", "/postmortem/download/md")) {
            HttpResponse<String> response = outsider.get("/incidents/" + secret.key() + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("Secret " + unique);
        }
    }

    @Test
    void letsAnAdminDefineATemplateFromLinesAndReportsBadLines() {
        HttpSession admin = HttpSession.login("http://localhost:" + port, "admin", TestUsers.ADMIN_PASSWORD);
        String csrf = admin.csrfFrom("/admin/postmortem-templates");
        int before = templates.list().size();

        HttpResponse<String> bad = admin.postForm(
                "/admin/postmortem-templates",
                Map.of(
                        "name",
                        "Lines " + unique,
                        "severities",
                        "SEV4",
                        "sections",
                        "story | Story | poem | required | x",
                        "_csrf",
                        csrf));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("sections[0].kind", "Story | poem");
        assertThat(templates.list()).hasSize(before);

        HttpResponse<String> good = admin.postForm(
                "/admin/postmortem-templates",
                Map.of(
                        "name",
                        "Lines " + unique,
                        "severities",
                        "SEV4, SEV5",
                        "sections",
                        "summary | Summary | summary | required |\nstory | Story | narrative | required | Tell it",
                        "_csrf",
                        csrf));
        assertThat(good.statusCode()).isEqualTo(302);
        var created = templates.byName("Lines " + unique).orElseThrow();
        assertThat(created.severities()).containsExactly(4, 5);
        assertThat(created.sections())
                .extracting(s -> s.key() + "/" + s.kind() + "/" + s.required() + "/" + s.guidance())
                .containsExactly("summary/SUMMARY/true/null", "story/NARRATIVE/true/Tell it");
        templates.remove(TestUsers.admin(accounts), created.id());

        HttpResponse<String> editorTry = login(editor).get("/admin/postmortem-templates");
        assertThat(editorTry.statusCode()).isEqualTo(403);
    }
}
