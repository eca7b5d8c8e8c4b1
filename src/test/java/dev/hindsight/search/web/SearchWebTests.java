package dev.hindsight.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.search.IncidentSearch;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The search page, its JSON API and the similar-incidents block, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SearchWebTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    IncidentSearch search;

    HttpSession editor;
    HttpSession viewer;
    String word;

    @BeforeEach
    void setUp() {
        editor = session(TestUsers.create(accounts, "editor"));
        viewer = session(TestUsers.create(accounts, "viewer"));
        word = "zw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    HttpSession session(Actor actor) {
        return HttpSession.withToken(
                "http://localhost:" + port, tokens.create(actor, "test").secret());
    }

    String create(String title, String visibility) {
        HttpResponse<String> created = editor.postJson("/api/v1/incidents", """
                {"title": "%s", "summary": "The %s broker lost quorum", "severity": "SEV2", "visibility": "%s"}""".formatted(title, word, visibility));
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("key").asString();
    }

    static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void searchesThroughTheApiWithFacetsAndHighlights() {
        String open = create("Broker outage " + word, "normal");
        create("Secret broker outage " + word, "restricted");
        search.follow();

        HttpResponse<String> response = viewer.get("/api/v1/search?q=" + q(word));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("total").asLong()).isEqualTo(1);
        assertThat(body.get("hits").get(0).get("key").asString()).isEqualTo(open);
        assertThat(body.get("hits").get(0).get("snippets").get("summary").asString())
                .contains("<mark>" + word + "</mark>");
        assertThat(body.get("facets").get("severity").get(0).get("count").asLong())
                .isEqualTo(1);
        assertThat(JSON.readTree(editor.get("/api/v1/search?q=" + q(word)).body())
                        .get("total")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void answersAnUnparsableQueryWithAProblem() {
        HttpResponse<String> response = viewer.get("/api/v1/search?q=" + q("title:(open"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"q\"");
    }

    @Test
    void rendersThePageAndTheSimilarBlock() {
        String first = create("Broker quorum lost " + word, "normal");
        String second = create("Broker quorum lost again " + word, "normal");
        String hidden = create("Hidden broker quorum " + word, "restricted");
        search.follow();

        HttpResponse<String> page = viewer.get("/search?q=" + q("broker " + word));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<mark>")
                .contains(first)
                .contains(second)
                .doesNotContain(hidden);

        HttpResponse<String> similar = viewer.get("/incidents/" + first + "/similar-fragment");
        assertThat(similar.statusCode()).isEqualTo(200);
        assertThat(similar.body()).contains(second).contains("similar wording").doesNotContain(hidden);
        assertThat(viewer.get("/api/v1/incidents/" + hidden + "/similar").statusCode())
                .isEqualTo(404);
    }
}
