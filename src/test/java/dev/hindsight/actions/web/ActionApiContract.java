package dev.hindsight.actions.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The action items JSON API, pages and CSV export over real HTTP. Run on each database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class ActionApiContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    Actor editorActor;
    HttpSession editor;
    HttpSession viewer;
    String unique;
    String key;

    @BeforeEach
    void setUp() {
        editorActor = TestUsers.create(accounts, "editor");
        editor = session(editorActor);
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
                {"title": "Actions %s", "severity": "SEV2", "visibility": "%s"}""".formatted(unique, visibility));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("key").asString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    long actionCount() {
        return jdbc.sql("select count(*) from action_items").query(Long.class).single();
    }

    HttpResponse<String> addAction(String incidentKey, String body) {
        return editor.postJson("/api/v1/incidents/" + incidentKey + "/actions", body);
    }

    String addAction(String incidentKey, String title, String priority) {
        HttpResponse<String> created = addAction(incidentKey, """
                {"title": "%s", "type": "repair", "priority": "%s"}""".formatted(title, priority));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("id").asString();
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
    void createsReadsAndReplacesAnActionWithVersions() {
        HttpResponse<String> created = addAction(key, """
                {"title": "Add a canary stage", "type": "prevent", "priority": "P1", "dueDate": "2026-05-01",
                 "effort": "L", "ticketUrl": "https://tracker.example.com/OPS-7"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/actions/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");

        JsonNode read = json(viewer.get("/api/v1/actions/" + id));
        assertThat(read.get("incident").asString()).isEqualTo(key);
        assertThat(read.get("status").asString()).isEqualTo("open");
        assertThat(read.get("dueDate").asString()).isEqualTo("2026-05-01");
        assertThat(json(viewer.get("/api/v1/incidents/" + key + "/actions")).findValuesAsString("id"))
                .containsExactly(id);

        String edit = """
                {"title": "Add a canary stage to every deploy", "type": "prevent", "priority": "P0"}""";
        HttpResponse<String> saved = editor.send("PUT", "/api/v1/actions/" + id, edit, Map.of("If-Match", "\"0\""));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(saved).get("priority").asString()).isEqualTo("P0");

        assertProblem(editor.send("PUT", "/api/v1/actions/" + id, edit, Map.of("If-Match", "\"0\"")), 412, null);
        assertProblem(
                editor.send("PUT", "/api/v1/actions/" + id, edit.replace("}", ", \"version\": 0}"), Map.of()),
                409,
                null);
        assertProblem(editor.send("PUT", "/api/v1/actions/" + id, edit, Map.of()), 422, "version");
        assertThat(json(viewer.get("/api/v1/actions/" + id)).get("version").asInt())
                .isEqualTo(1);
    }

    @Test
    void answersInvalidInputWithFieldErrorsAndStoresNothing() {
        long before = actionCount();

        HttpResponse<String> refused = addAction(key, """
                {"title": "", "type": "hope", "priority": "P9", "dueDate": "soon", "ticketUrl": "javascript:alert(1)",
                 "factorIds": [999999999]}""");

        assertProblem(refused, 422, "title");
        assertThat(json(refused).get("errors").findValuesAsString("field"))
                .contains("type", "priority", "dueDate", "ticketUrl", "factorIds");
        assertProblem(addAction(key, "{\"title\": 5, \"unknown\": true}"), 400, null);
        assertThat(actionCount()).isEqualTo(before);
    }

    @Test
    void changesTheStatusAndNeedsAReasonToNotDoAnAction() {
        String id = addAction(key, "Rotate the certificate", "P1");

        assertProblem(
                editor.postJson("/api/v1/actions/" + id + "/status", "{\"status\": \"wont_do\", \"version\": 0}"),
                422,
                "reason");
        HttpResponse<String> done = editor.send(
                "POST", "/api/v1/actions/" + id + "/status", "{\"status\": \"done\"}", Map.of("If-Match", "\"0\""));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(json(done).get("status").asString()).isEqualTo("done");
        assertThat(json(done).get("completedAt").isNull()).isFalse();
        assertProblem(
                editor.postJson("/api/v1/actions/" + id + "/status", "{\"status\": \"in_progress\", \"version\": 1}"),
                422,
                "status");
        HttpResponse<String> dropped =
                editor.postJson("/api/v1/actions/" + id + "/status", "{\"status\": \"open\", \"version\": 1}");
        assertThat(json(dropped).get("status").asString()).isEqualTo("open");
        assertThat(json(dropped).get("completedAt").isNull()).isTrue();
    }

    @Test
    void letsViewersReadButNotWriteAndHidesRestrictedIncidents() {
        String id = addAction(key, "Document the failover", "P2");
        assertProblem(viewer.postJson("/api/v1/incidents/" + key + "/actions", """
                {"title": "x", "type": "repair", "priority": "P2"}"""), 403, null);
        assertProblem(
                viewer.postJson("/api/v1/actions/" + id + "/status", "{\"status\": \"done\", \"version\": 0}"),
                403,
                null);

        String secret = createIncident("restricted");
        String hidden = addAction(secret, "Secret action", "P0");
        assertProblem(viewer.get("/api/v1/actions/" + hidden), 404, null);
        assertProblem(viewer.get("/api/v1/incidents/" + secret + "/actions"), 404, null);
        assertThat(json(viewer.get("/api/v1/actions?incident=" + secret))
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(json(editor.get("/api/v1/actions?incident=" + secret))
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertProblem(viewer.get("/api/v1/actions/ACT-999999999"), 404, null);
    }

    @Test
    void servesTheBoardWithFiltersSortAndPages() {
        addAction(key, "Low", "P3");
        addAction(key, "High", "P0");
        addAction(key, "Middle", "P2");

        JsonNode first = json(viewer.get("/api/v1/actions?incident=" + key + "&sort=priority&size=2"));
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.get("items").findValuesAsString("title")).containsExactly("High", "Middle");
        JsonNode second = json(viewer.get("/api/v1/actions?incident=" + key + "&sort=priority&size=2&page=1"));
        assertThat(second.get("items").findValuesAsString("title")).containsExactly("Low");
        JsonNode filtered = json(viewer.get("/api/v1/actions?incident=" + key + "&priority=P0,P3&type=repair"));
        assertThat(filtered.get("items").findValuesAsString("title")).containsExactlyInAnyOrder("High", "Low");
        assertProblem(viewer.get("/api/v1/actions?status=finished"), 422, "status");
        assertProblem(viewer.get("/api/v1/actions?sort=random"), 422, "sort");
    }

    @Test
    void exportsTheFilteredBoardAsQuotedCsv() {
        addAction(key, "Fix \\\"retry\\\" storms, then alert", "P1");
        addAction(key, "Plain", "P2");
        HttpSession browser = HttpSession.login("http://localhost:" + port, editorActor.username(), TestUsers.PASSWORD);

        HttpResponse<String> csv = browser.get("/actions.csv?incident=" + key + "&sort=priority");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("id,incident,title,type,priority,status");
        assertThat(lines[1]).contains("," + key + ",\"Fix \"\"retry\"\" storms, then alert\",repair,P1,open,");
        assertThat(lines[2]).contains("," + key + ",Plain,repair,P2,open,");
    }

    @Test
    void showsTheActionPlanWithCausesThatHaveNoActionOnTheIncidentPage() {
        HttpResponse<String> factor = editor.postJson("/api/v1/incidents/" + key + "/factors", """
                {"kind": "ROOT_CAUSE", "title": "Pool size lowered %s", "category": "configuration"}""".formatted(unique));
        long factorId = json(factor).get("id").asLong();
        addAction(key, "Unlinked action", "P2");
        HttpSession browser = HttpSession.login("http://localhost:" + port, editorActor.username(), TestUsers.PASSWORD);

        String plan = browser.get("/incidents/" + key + "/actions-fragment?factor=" + factorId)
                .body();

        assertThat(plan).contains("id=\"uncovered-" + factorId + "\"", "Pool size lowered " + unique);
        assertThat(plan).contains("Unlinked action");
        assertThat(plan).containsPattern("id=\"link-factor-" + factorId + "\"[^>]*checked");
        assertThat(browser.get("/incidents/" + key).body()).contains("/incidents/" + key + "/actions-fragment");
        String csrf = browser.csrfFrom("/incidents/" + key + "/actions-fragment");
        HttpResponse<String> refused = browser.postForm(
                "/incidents/" + key + "/actions",
                Map.of("title", "", "type", "prevent", "priority", "P2", "_csrf", csrf));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("is required");
    }
}
