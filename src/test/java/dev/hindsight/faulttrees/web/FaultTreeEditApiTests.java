package dev.hindsight.faulttrees.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Building and editing fault trees over the JSON API: status codes, problem details, versions, roles, visibility. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FaultTreeEditApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    HttpSession editor;
    HttpSession viewer;
    String key;
    String base;

    @BeforeEach
    void setUp() {
        editor = session(TestUsers.create(accounts, "editor"));
        viewer = session(TestUsers.create(accounts, "viewer"));
        key = createIncident("normal");
        base = "/api/v1/incidents/" + key + "/fault-trees";
    }

    HttpSession session(Actor actor) {
        return HttpSession.withToken(
                "http://localhost:" + port, tokens.create(actor, "test").secret());
    }

    String createIncident(String visibility) {
        HttpResponse<String> created =
                editor.postJson("/api/v1/incidents", """
                {"title": "Fault tree %s", "severity": "SEV2", "visibility": "%s"}""".formatted(UUID.randomUUID(), visibility));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("key").asString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        if (field != null) {
            assertThat(json(response).get("errors").findValuesAsString("field")).contains(field);
        }
    }

    long createTree() {
        HttpResponse<String> created = editor.postJson(base, """
                {"name": "Outage tree", "top": {"kind": "gate", "name": "Outage", "type": "or",
                  "firstChild": {"kind": "basic-event", "name": "E3", "probability": 0.1}}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(created.headers().firstValue("Location")).isPresent();
        return json(created).get("id").asLong();
    }

    @Test
    void buildsATreeAndReadsItsAnalysis() {
        long id = createTree();
        String tree = base + "/" + id;

        HttpResponse<String> gate = editor.postJson(tree + "/gates/Outage/children", """
                {"version": 0, "kind": "gate", "name": "Both", "type": "and",
                 "firstChild": {"kind": "basic-event", "name": "E1", "probability": 0.2}}""");
        assertThat(gate.statusCode()).as(gate.body()).isEqualTo(200);
        assertThat(gate.headers().firstValue("ETag")).hasValue("\"1\"");
        HttpResponse<String> event = editor.send(
                "POST",
                tree + "/gates/Both/children",
                "{\"kind\": \"basic-event\", \"name\": \"E2\"}",
                Map.of("If-Match", "\"1\""));
        assertThat(event.statusCode()).isEqualTo(200);
        HttpResponse<String> probability =
                editor.send("PATCH", tree + "/nodes/E2", "{\"probability\": 0.3}", Map.of("If-Match", "\"2\""));
        assertThat(probability.statusCode()).as(probability.body()).isEqualTo(200);
        assertThat(json(probability).get("nodes").findValuesAsString("name"))
                .containsExactlyInAnyOrder("Outage", "Both", "E3", "E1", "E2");

        JsonNode analysis = json(editor.get(tree + "/analysis"));
        assertThat(analysis.get("minimalCutSets").asLong()).isEqualTo(2);
        assertThat(analysis.get("topProbability").asDouble()).isCloseTo(0.154, within(1e-12));
        assertThat(editor.get(tree + "/mef").body()).contains("name=\"E2\"").contains("0.3");
    }

    @Test
    void answersBrokenRulesWithProblemDetailsNamingTheField() {
        long id = createTree();
        String tree = base + "/" + id;

        assertProblem(editor.postJson(tree + "/gates/Outage/children", """
                        {"version": 0, "kind": "basic-event", "name": "E3", "probability": 0.5}"""), 422, "name");
        assertProblem(editor.postJson(tree + "/gates/Outage/children", """
                        {"version": 0, "kind": "basic-event", "name": "E9", "probability": 1.5}"""), 422, "probability");
        assertProblem(editor.postJson(tree + "/gates/Outage/children", """
                        {"version": 0, "kind": "existing", "name": "Outage"}"""), 422, "name");
        assertProblem(
                editor.send(
                        "PATCH", tree + "/nodes/Outage", "{\"version\": 0, \"type\": \"atleast\", \"k\": 2}", Map.of()),
                422,
                "k");
        assertProblem(
                editor.send("DELETE", tree + "/gates/Outage/children/E3?version=0", null, Map.of()), 422, "child");
        assertProblem(
                editor.postJson(tree + "/gates/Outage/children", "{\"kind\": \"basic-event\", \"name\": \"X\"}"),
                422,
                "version");
        assertProblem(editor.postJson(tree + "/gates/Nope/children", """
                        {"version": 0, "kind": "basic-event", "name": "X"}"""), 404, null);
        assertProblem(
                editor.postJson(base, "{\"name\": \"\", \"top\": {\"kind\": \"gate\", \"name\": \"T\"}}"), 422, "name");
        assertThat(json(editor.get(tree)).get("version").asInt())
                .as("nothing changed")
                .isZero();
    }

    @Test
    void refusesAStaleEditWith412OrWith409() {
        long id = createTree();
        String tree = base + "/" + id;
        assertThat(editor.send("PATCH", tree + "/nodes/E3", "{\"probability\": 0.2}", Map.of("If-Match", "\"0\""))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> stale =
                editor.send("PATCH", tree + "/nodes/E3", "{\"probability\": 0.4}", Map.of("If-Match", "\"0\""));
        assertProblem(stale, 412, null);
        assertThat(json(stale).get("currentVersion").asInt()).isEqualTo(1);
        assertProblem(
                editor.send("PATCH", tree + "/nodes/E3", "{\"version\": 0, \"probability\": 0.4}", Map.of()),
                409,
                null);
        assertThat(json(editor.get(tree + "/analysis")).get("topProbability").asDouble())
                .isCloseTo(0.2, within(1e-12));
    }

    @Test
    void letsViewersReadOnlyAndHidesRestrictedTrees() {
        long id = createTree();
        String tree = base + "/" + id;

        assertThat(viewer.get(tree + "/nodes").statusCode()).isEqualTo(200);
        assertProblem(viewer.postJson(tree + "/gates/Outage/children", """
                        {"version": 0, "kind": "basic-event", "name": "X"}"""), 403, null);
        assertProblem(
                viewer.postJson(tree + "/events/E3/promote", "{\"kind\": \"ROOT_CAUSE\", \"category\": \"change\"}"),
                403,
                null);

        String secretKey = createIncident("restricted");
        HttpResponse<String> secret = editor.postJson("/api/v1/incidents/" + secretKey + "/fault-trees", """
                {"name": "Secret", "top": {"kind": "gate", "name": "T", "type": "or",
                  "firstChild": {"kind": "basic-event", "name": "Leak", "probability": 0.1}}}""");
        assertThat(secret.statusCode()).isEqualTo(201);
        String secretTree = "/api/v1/incidents/" + secretKey + "/fault-trees/"
                + json(secret).get("id").asLong();
        HttpSession outsider = session(TestUsers.create(accounts, "editor"));
        assertProblem(outsider.get(secretTree + "/nodes"), 404, null);
        assertProblem(outsider.postJson(secretTree + "/gates/T/children", """
                        {"version": 0, "kind": "basic-event", "name": "X"}"""), 404, null);
    }

    @Test
    void promotesAnEventToAFactorOfTheIncident() {
        long id = createTree();
        String tree = base + "/" + id;

        HttpResponse<String> promoted =
                editor.postJson(tree + "/events/E3/promote", "{\"kind\": \"ROOT_CAUSE\", \"category\": \"change\"}");
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(201);
        long factorId = json(promoted).get("factorId").asLong();

        HttpResponse<String> factors = editor.get("/api/v1/incidents/" + key + "/factors");
        assertThat(factors.body()).contains("E3").contains("FAULT_TREE");
        JsonNode e3 = json(editor.get(tree + "/nodes"))
                .get("nodes")
                .valueStream()
                .filter(n -> n.get("name").asString().equals("E3"))
                .findFirst()
                .orElseThrow();
        assertThat(e3.get("factorId").asLong()).isEqualTo(factorId);
        assertProblem(
                editor.postJson(tree + "/events/E3/promote", "{\"kind\": \"ROOT_CAUSE\", \"category\": \"change\"}"),
                422,
                "event");
        assertProblem(
                editor.postJson(
                        tree + "/events/Outage/promote", "{\"kind\": \"ROOT_CAUSE\", \"category\": \"change\"}"),
                422,
                "event");
    }
}
