package dev.hindsight.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fishbone JSON API and its SVG over real HTTP: status codes, problem details, versions, visibility, roles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FishboneApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    HttpSession editor;
    HttpSession viewer;
    String unique;
    String key;
    String base;

    @BeforeEach
    void setUp() {
        editor = session(TestUsers.create(accounts, "editor"));
        viewer = session(TestUsers.create(accounts, "viewer"));
        unique = UUID.randomUUID().toString().substring(0, 8);
        key = createIncident("normal");
        base = "/api/v1/incidents/" + key + "/fishbones";
    }

    HttpSession session(Actor actor) {
        return HttpSession.withToken(
                "http://localhost:" + port, tokens.create(actor, "test").secret());
    }

    String createIncident(String visibility) {
        HttpResponse<String> created = editor.postJson("/api/v1/incidents", """
                {"title": "Fishbone %s", "severity": "SEV2", "visibility": "%s"}""".formatted(unique, visibility));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("key").asString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        if (field != null) {
            assertThat(json(response).get("errors").findValuesAsString("field")).contains(field);
        }
    }

    long create(String effect) {
        HttpResponse<String> created = editor.postJson(base, "{\"effect\": \"" + effect + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("id").asLong();
    }

    @Test
    void createsADiagramAddsCausesAndPromotesOne() {
        HttpResponse<String> created = editor.postJson(base, "{\"effect\": \"Checkout failed\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode body = json(created);
        long id = body.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains(base + "/" + id);
        assertThat(body.get("categories")).hasSize(8);
        long category = body.get("categories").get(1).get("id").asLong();

        HttpResponse<String> cause = editor.postJson(
                base + "/" + id + "/causes", "{\"categoryId\": " + category + ", \"text\": \"Pool 5\"}");
        assertThat(cause.statusCode()).isEqualTo(201);
        long causeId = json(cause).get("id").asLong();
        HttpResponse<String> sub = editor.postJson(
                base + "/" + id + "/causes", "{\"parentId\": " + causeId + ", \"text\": \"From staging\"}");
        assertThat(sub.statusCode()).isEqualTo(201);
        long subId = json(sub).get("id").asLong();
        assertProblem(
                editor.postJson(base + "/" + id + "/causes", "{\"parentId\": " + subId + ", \"text\": \"Deeper\"}"),
                422,
                "parentId");
        assertProblem(editor.postJson(base + "/" + id + "/causes", "{\"categoryId\": " + category + "}"), 422, "text");

        HttpResponse<String> promoted = editor.postJson(
                base + "/" + id + "/causes/" + causeId + "/promote",
                "{\"kind\": \"ROOT_CAUSE\", \"category\": \"configuration\"}");
        assertThat(promoted.statusCode()).isEqualTo(201);
        assertThat(json(promoted).get("method").asString()).isEqualTo("FISHBONE");
        assertThat(json(editor.get("/api/v1/incidents/" + key + "/factors")).findValuesAsString("title"))
                .containsExactly("Pool 5");

        JsonNode read = json(viewer.get(base + "/" + id));
        JsonNode stored = read.get("categories").get(1).get("causes").get(0);
        assertThat(stored.get("text").asString()).isEqualTo("Pool 5");
        assertThat(stored.get("factor").get("kind").asString()).isEqualTo("ROOT_CAUSE");
        assertThat(stored.get("subCauses").get(0).get("text").asString()).isEqualTo("From staging");
        assertThat(json(viewer.get(base)).findValuesAsString("effect")).containsExactly("Checkout failed");
    }

    @Test
    void servesTheDiagramAsSvgThatParses() throws Exception {
        long id = create("Disk <full>");
        long category = json(editor.get(base + "/" + id))
                .get("categories")
                .get(0)
                .get("id")
                .asLong();
        editor.postJson(
                base + "/" + id + "/causes",
                "{\"categoryId\": " + category + ", \"text\": \"<script>alert(1)</script>\"}");

        HttpResponse<String> svg = viewer.get(base + "/" + id + ".svg");

        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(svg.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(p -> assertThat(p).contains("default-src 'none'"));
        assertThat(svg.body())
                .doesNotContain("<script")
                .contains("&lt;script&gt;")
                .contains("Disk &lt;full&gt;");
        var doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg.body())));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Test
    void renamesMovesAndRemovesWithVersions() {
        long id = create("Latency");
        JsonNode categories = json(editor.get(base + "/" + id)).get("categories");
        long last = categories.get(7).get("id").asLong();
        String path = base + "/" + id + "/categories/" + last;

        HttpResponse<String> moved =
                editor.send("PUT", path, "{\"name\": \"Load\", \"position\": 0}", Map.of("If-Match", "\"0\""));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(json(editor.get(base + "/" + id))
                        .get("categories")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("Load");
        assertProblem(editor.send("PUT", path, "{\"name\": \"Other\"}", Map.of("If-Match", "\"0\"")), 412, null);
        assertProblem(editor.send("PUT", path, "{\"name\": \"Other\", \"version\": 0}", Map.of()), 409, null);
        assertProblem(editor.send("PUT", path, "{\"name\": \"Other\"}", Map.of()), 422, "version");
        assertProblem(editor.postJson(base + "/" + id + "/categories", "{\"name\": \"load\"}"), 422, "name");
        assertThat(editor.send("DELETE", path + "?version=1", null, Map.of()).statusCode())
                .isEqualTo(204);
        assertThat(json(editor.get(base + "/" + id)).get("categories")).hasSize(7);

        assertThat(editor.send("PUT", base + "/" + id, "{\"effect\": \"p99 latency\"}", Map.of("If-Match", "\"0\""))
                        .statusCode())
                .isEqualTo(200);
        assertProblem(editor.send("DELETE", base + "/" + id, null, Map.of("If-Match", "\"0\"")), 412, null);
        assertThat(editor.send("DELETE", base + "/" + id, null, Map.of("If-Match", "\"1\""))
                        .statusCode())
                .isEqualTo(204);
        assertProblem(editor.get(base + "/" + id), 404, null);
    }

    @Test
    void answersNotFoundForARestrictedIncidentAndForbiddenToViewers() {
        String restricted = createIncident("restricted");
        String secretBase = "/api/v1/incidents/" + restricted + "/fishbones";
        long secret = json(editor.postJson(secretBase, "{\"effect\": \"Secret\"}"))
                .get("id")
                .asLong();
        HttpSession outsider = session(TestUsers.create(accounts, "editor"));

        assertProblem(outsider.get(secretBase), 404, null);
        assertProblem(outsider.get(secretBase + "/" + secret), 404, null);
        assertThat(outsider.get(secretBase + "/" + secret + ".svg").statusCode())
                .isEqualTo(404);
        assertProblem(outsider.postJson(secretBase, "{\"effect\": \"Mine\"}"), 404, null);
        assertThat(editor.get(secretBase + "/" + secret).statusCode()).isEqualTo(200);

        assertProblem(viewer.postJson(base, "{\"effect\": \"Mine\"}"), 403, null);
        long id = create("Open");
        assertProblem(viewer.postJson(base + "/" + id + "/categories", "{\"name\": \"Mine\"}"), 403, null);
        assertThat(json(editor.get(base + "/" + id)).get("categories")).hasSize(8);
    }
}
