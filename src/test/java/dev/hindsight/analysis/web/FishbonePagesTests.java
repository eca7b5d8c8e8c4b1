package dev.hindsight.analysis.web;

import static dev.hindsight.incident.IncidentFixtures.sev2;
import static dev.hindsight.incident.IncidentFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.analysis.Fishbone;
import dev.hindsight.analysis.FishboneAnalysis;
import dev.hindsight.analysis.FishboneCause;
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

/** The fishbone pages over real HTTP with form login: forms without JavaScript, roles, visibility, the image. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FishbonePagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    FishboneAnalysis fishbones;

    Actor editor;
    IncidentId incident;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
        incident = incidents
                .create(
                        editor,
                        sev2("Fishbone pages " + UUID.randomUUID().toString().substring(0, 8)))
                .id();
    }

    HttpSession login(Actor actor) {
        return HttpSession.login("http://localhost:" + port, actor.username(), TestUsers.PASSWORD);
    }

    @Test
    void startsADiagramAndAddsACauseWithoutJavaScriptKeepingTypedTextWhenRefused() {
        HttpSession session = login(editor);
        String list = "/incidents/" + incident.key() + "/fishbones";
        String csrf = session.csrfFrom(list);

        HttpResponse<String> refused = session.postForm(list, Map.of("effect", " ", "_csrf", csrf));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("effect is required");
        HttpResponse<String> started =
                session.postForm(list, Map.of("effect", "Queue <b>backed</b> up", "_csrf", csrf));
        assertThat(started.statusCode()).isEqualTo(302);
        Fishbone fishbone = fishbones.of(editor, incident).getFirst();
        String page = list + "/" + fishbone.id();
        assertThat(started.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(page));
        long category = fishbone.categories().getFirst().id();

        HttpResponse<String> tooLong = session.postForm(
                page + "/causes",
                Map.of("categoryId", String.valueOf(category), "text", "y".repeat(301), "_csrf", csrf));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("at most 300 characters").contains("value=\"" + "y".repeat(301));
        assertThat(fishbones.get(editor, incident, fishbone.id()).allCauses()).isEmpty();

        HttpResponse<String> added = session.postForm(
                page + "/causes",
                Map.of("categoryId", String.valueOf(category), "text", "Consumers paused", "_csrf", csrf));
        assertThat(added.statusCode()).isEqualTo(302);
        HttpResponse<String> shown = session.get(page);
        assertThat(shown.body())
                .contains("Consumers paused")
                .contains("Queue &lt;b&gt;backed&lt;/b&gt; up")
                .contains("<img id=\"fishbone-diagram\" src=\"" + page + ".svg?v=");
        HttpResponse<String> svg = session.get(page + ".svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(svg.body()).contains("Consumers paused");

        long cause = fishbones
                .get(editor, incident, fishbone.id())
                .allCauses()
                .getFirst()
                .id();
        HttpResponse<String> reworded = session.postForm(
                page + "/causes/" + cause, Map.of("text", "Consumers were paused", "version", "0", "_csrf", csrf));
        assertThat(reworded.statusCode()).isEqualTo(302);
        assertThat(fishbones.get(editor, incident, fishbone.id()).allCauses())
                .extracting(FishboneCause::text)
                .containsExactly("Consumers were paused");
        HttpResponse<String> stale =
                session.postForm(page + "/causes/" + cause, Map.of("text", "Mine", "version", "0", "_csrf", csrf));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed by someone else").contains("value=\"Mine\"");

        HttpResponse<String> removed = session.send(
                "POST", page + "/remove?version=0", null, Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf));
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(removed.headers().firstValue("HX-Redirect")).contains(list);
        assertThat(fishbones.of(editor, incident)).isEmpty();
    }

    @Test
    void showsViewersTheDiagramWithoutFormsAndRefusesTheirChanges() {
        Fishbone fishbone = fishbones.create(editor, incident, "Disk filled up");
        String page = "/incidents/" + incident.key() + "/fishbones/" + fishbone.id();
        HttpSession viewer = login(TestUsers.create(accounts, "viewer"));

        HttpResponse<String> read = viewer.get(page);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Disk filled up").doesNotContain("cause-form-");

        String csrf = viewer.csrfFrom("/account");
        assertThat(viewer.postForm(page + "/categories", Map.of("name", "Mine", "_csrf", csrf))
                        .statusCode())
                .isEqualTo(403);
        assertThat(fishbones.get(editor, incident, fishbone.id()).categories()).hasSize(8);
    }

    @Test
    void answersNotFoundForARestrictedIncidentsDiagramAndItsImage() {
        IncidentId restricted = incidents
                .create(editor, with(sev2("Restricted fishbone"), "SEV2", "restricted", List.of(), List.of()))
                .id();
        Fishbone secret = fishbones.create(editor, restricted, "Secret");
        String page = "/incidents/" + restricted.key() + "/fishbones/" + secret.id();
        HttpSession outsider = login(TestUsers.create(accounts, "editor"));

        assertThat(outsider.get(page).statusCode()).isEqualTo(404);
        assertThat(outsider.get(page + ".svg").statusCode()).isEqualTo(404);
        assertThat(outsider.get("/incidents/" + restricted.key() + "/fishbones").statusCode())
                .isEqualTo(404);
        assertThat(login(editor).get(page + ".svg").statusCode()).isEqualTo(200);
    }
}
