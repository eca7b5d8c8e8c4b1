package dev.hindsight.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The analysis JSON API over real HTTP: status codes, problem details, versions, visibility. Run on each database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class AnalysisApiContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    HttpSession editor;
    HttpSession viewer;
    String unique;
    String key;

    @BeforeEach
    void setUp() {
        editor = session(TestUsers.create(accounts, "editor"));
        viewer = session(TestUsers.create(accounts, "viewer"));
        unique = UUID.randomUUID().toString().substring(0, 8);
        key = createIncident("normal");
    }

    HttpSession session(Actor actor) {
        return HttpSession.withToken(
                "http://localhost:" + port, tokens.create(actor, "test").secret());
    }

    String createIncident(String visibility) {
        HttpResponse<String> created = editor.postJson("/api/v1/incidents", """
                {"title": "Analysis %s", "severity": "SEV2", "visibility": "%s"}""".formatted(unique, visibility));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("key").asString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    long factorCount() {
        return jdbc.sql("select count(*) from contributing_factors")
                .query(Long.class)
                .single();
    }

    HttpResponse<String> addFactor(String body) {
        return editor.postJson("/api/v1/incidents/" + key + "/factors", body);
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        }
    }

    @Test
    void listsTheSeededCategoriesAndLetsOnlyAdminsAddOne() {
        JsonNode list = json(viewer.get("/api/v1/factor-categories"));
        assertThat(list.findValuesAsString("key")).contains("configuration", "detection-gap", "knowledge");

        String body = """
                {"key": "vendor-%s", "description": "A vendor changed something"}""".formatted(unique);
        assertProblem(editor.postJson("/api/v1/factor-categories", body), 403, null);
        HttpSession admin = session(TestUsers.admin(accounts));
        HttpResponse<String> created = admin.postJson("/api/v1/factor-categories", body);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("key").asString()).isEqualTo("vendor-" + unique);
        assertProblem(admin.postJson("/api/v1/factor-categories", body), 409, null);
        assertProblem(admin.postJson("/api/v1/factor-categories", "{\"key\": \"Bad Key\"}"), 422, "key");
    }

    @Test
    void createsReadsUpdatesAndDeletesAFactorWithVersions() {
        HttpResponse<String> created = addFactor("""
                {"kind": "ROOT_CAUSE", "title": "Pool size set to 5", "category": "configuration",
                 "evidence": ["https://example.com/pr/42"]}""");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        long id = json(created).get("id").asLong();
        String path = "/api/v1/incidents/" + key + "/factors/" + id;
        assertThat(created.headers().firstValue("Location")).contains(path);
        assertThat(json(created).get("method").asString()).isEqualTo("MANUAL");

        JsonNode list = json(viewer.get("/api/v1/incidents/" + key + "/factors"));
        assertThat(list.findValuesAsString("title")).containsExactly("Pool size set to 5");

        String edit = """
                {"kind": "CONTRIBUTING_FACTOR", "title": "Pool too small", "category": "capacity"}""";
        HttpResponse<String> saved = editor.send("PUT", path, edit, Map.of("If-Match", "\"0\""));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(json(saved).get("category").asString()).isEqualTo("capacity");

        HttpResponse<String> stale = editor.send("PUT", path, edit, Map.of("If-Match", "\"0\""));
        assertProblem(stale, 412, null);
        assertThat(json(stale).get("currentVersion").asInt()).isEqualTo(1);
        assertProblem(editor.send("PUT", path, edit.replace("}", ", \"version\": 0}"), Map.of()), 409, null);
        assertProblem(editor.send("PUT", path, edit, Map.of()), 422, "version");
        assertProblem(editor.send("DELETE", path, null, Map.of()), 422, "version");

        assertThat(editor.send("DELETE", path, null, Map.of("If-Match", "\"1\""))
                        .statusCode())
                .isEqualTo(204);
        assertProblem(editor.get(path), 404, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown category | {"kind": "ROOT_CAUSE", "title": "x", "category": "weather"}            | 422 | category
            unknown kind     | {"kind": "BLAME", "title": "x", "category": "change"}                   | 422 | kind
            missing title    | {"kind": "ROOT_CAUSE", "category": "change"}                            | 422 | title
            unknown field    | {"kind": "ROOT_CAUSE", "title": "x", "category": "change", "who": "bob"} | 400 | who
            wrong shape      | {"kind": "ROOT_CAUSE", "title": "x", "category": "change", "evidence": 3} | 400 | evidence
            """)
    void rejectsBadFactorsWithAProblemAndChangesNothing(String why, String body, int status, String field) {
        long before = factorCount();

        assertProblem(addFactor(body), status, field);

        assertThat(factorCount()).isEqualTo(before);
    }

    @Test
    void buildsAFiveWhysTreeAndMarksAnAnswerAsRootCause() {
        String base = "/api/v1/incidents/" + key + "/five-whys";
        HttpResponse<String> started = editor.postJson(base, "{\"problem\": \"Checkout failed\"}");
        assertThat(started.statusCode()).isEqualTo(201);
        long tree = json(started).get("id").asLong();
        HttpResponse<String> first = editor.postJson(base + "/" + tree + "/nodes", "{\"text\": \"Pool exhausted\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        long a = json(first).get("id").asLong();
        HttpResponse<String> second = editor.postJson(
                base + "/" + tree + "/nodes",
                "{\"parentId\": %d, \"text\": \"Pool size 5\", \"references\": [\"PR #42\"]}".formatted(a));
        long b = json(second).get("id").asLong();
        assertThat(json(second).get("depth").asInt()).isEqualTo(2);

        HttpResponse<String> marked = editor.postJson(
                base + "/" + tree + "/nodes/" + b + "/mark",
                "{\"kind\": \"ROOT_CAUSE\", \"category\": \"configuration\"}");
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(json(marked).get("method").asString()).isEqualTo("FIVE_WHYS");

        JsonNode trees = json(viewer.get(base));
        assertThat(trees.at("/0/problem").asString()).isEqualTo("Checkout failed");
        assertThat(trees.at("/0/whys/0/text").asString()).isEqualTo("Pool exhausted");
        assertThat(trees.at("/0/whys/0/whys/0/factor/kind").asString()).isEqualTo("ROOT_CAUSE");
        JsonNode factors = json(viewer.get("/api/v1/incidents/" + key + "/factors"));
        assertThat(factors.at("/0/whyNodeId").asLong()).isEqualTo(b);
        assertThat(factors.at("/0/category").asString()).isEqualTo("configuration");

        assertThat(editor.send("DELETE", base + "/" + tree + "/nodes/" + b + "/mark", null, Map.of())
                        .statusCode())
                .isEqualTo(204);
        assertThat(json(viewer.get("/api/v1/incidents/" + key + "/factors"))).isEmpty();
    }

    @Test
    void rejectsBrokenTreesWithProblems() {
        String base = "/api/v1/incidents/" + key + "/five-whys";
        long one =
                json(editor.postJson(base, "{\"problem\": \"One\"}")).get("id").asLong();
        long two =
                json(editor.postJson(base, "{\"problem\": \"Two\"}")).get("id").asLong();
        long a = json(editor.postJson(base + "/" + one + "/nodes", "{\"text\": \"A\"}"))
                .get("id")
                .asLong();
        long b = json(editor.postJson(base + "/" + one + "/nodes", "{\"parentId\": %d, \"text\": \"B\"}".formatted(a)))
                .get("id")
                .asLong();

        assertProblem(
                editor.postJson(base + "/" + two + "/nodes", "{\"parentId\": %d, \"text\": \"x\"}".formatted(a)),
                422,
                "parentId");
        assertProblem(editor.postJson(base + "/" + one + "/nodes", "{\"text\": \"\"}"), 422, "text");
        assertProblem(editor.postJson(base, "{\"problem\": \" \"}"), 422, "problem");
        assertProblem(
                editor.send(
                        "PUT",
                        base + "/" + one + "/nodes/" + a,
                        "{\"parentId\": %d, \"text\": \"A\", \"version\": 0}".formatted(b),
                        Map.of()),
                422,
                "parentId");
        assertProblem(
                editor.postJson(
                        base + "/" + one + "/nodes/" + b + "/mark",
                        "{\"kind\": \"ROOT_CAUSE\", \"category\": \"nope\"}"),
                422,
                "category");
        assertProblem(editor.postJson(base + "/999999/nodes", "{\"text\": \"x\"}"), 404, null);
        assertProblem(
                editor.send("DELETE", base + "/" + one + "/nodes/" + a, null, Map.of("If-Match", "\"3\"")), 412, null);
        assertThat(editor.send("DELETE", base + "/" + one + "/nodes/" + a + "?version=0", null, Map.of())
                        .statusCode())
                .isEqualTo(204);
        assertThat(json(editor.get(base + "/" + one)).get("whys")).isEmpty();

        HttpResponse<String> reworded =
                editor.send("PUT", base + "/" + two, "{\"problem\": \"Two, reworded\"}", Map.of("If-Match", "\"0\""));
        assertThat(reworded.statusCode()).isEqualTo(200);
        assertThat(reworded.headers().firstValue("ETag")).contains("\"1\"");
        assertProblem(
                editor.send("PUT", base + "/" + two, "{\"problem\": \"x\", \"version\": 0}", Map.of()), 409, null);
        assertThat(editor.send("DELETE", base + "/" + two, null, Map.of("If-Match", "\"1\""))
                        .statusCode())
                .isEqualTo(204);
        assertProblem(editor.get(base + "/" + two), 404, null);
    }

    @Test
    void answersNotFoundForARestrictedIncidentAndForbiddenToViewers() {
        String restricted = createIncident("restricted");
        HttpSession outsider = session(TestUsers.create(accounts, "editor"));

        for (String path : List.of("/factors", "/five-whys")) {
            assertProblem(outsider.get("/api/v1/incidents/" + restricted + path), 404, null);
            assertThat(editor.get("/api/v1/incidents/" + restricted + path).statusCode())
                    .isEqualTo(200);
        }
        assertProblem(
                outsider.postJson(
                        "/api/v1/incidents/" + restricted + "/factors",
                        "{\"kind\": \"ROOT_CAUSE\", \"title\": \"x\", \"category\": \"change\"}"),
                404,
                null);
        assertProblem(
                viewer.postJson(
                        "/api/v1/incidents/" + key + "/factors",
                        "{\"kind\": \"ROOT_CAUSE\", \"title\": \"x\", \"category\": \"change\"}"),
                403,
                null);
        assertProblem(viewer.postJson("/api/v1/incidents/" + key + "/five-whys", "{\"problem\": \"x\"}"), 403, null);
        assertProblem(editor.get("/api/v1/incidents/not-a-key/factors"), 404, null);
    }
}
