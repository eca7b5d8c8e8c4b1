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
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bulk changes, saved views, the gate and recurrences over real HTTP, with problem details. Run on each database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class ActionFollowUpApiContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    Actor editorActor;
    HttpSession editor;
    HttpSession viewer;
    String unique;
    String key;

    @BeforeEach
    void setUp() {
        editorActor = TestUsers.create(accounts, "editor");
        editor = HttpSession.withToken(
                "http://localhost:" + port, tokens.create(editorActor, "test").secret());
        viewer = HttpSession.withToken(
                "http://localhost:" + port,
                tokens.create(TestUsers.create(accounts, "viewer"), "test").secret());
        unique = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = editor.postJson("/api/v1/incidents", """
                {"title": "Follow-up %s", "severity": "SEV2"}""".formatted(unique));
        key = json(created).get("key").asString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    String addAction(String title) {
        return json(editor.postJson("/api/v1/incidents/" + key + "/actions", """
                        {"title": "%s", "type": "repair", "priority": "P2"}""".formatted(title)))
                .get("id")
                .asString();
    }

    long rootCause(String title) {
        return json(editor.postJson("/api/v1/incidents/" + key + "/factors", """
                        {"kind": "ROOT_CAUSE", "title": "%s", "category": "capacity"}""".formatted(title)))
                .get("id")
                .asLong();
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        if (field != null) {
            assertThat(json(response).get("errors").findValuesAsString("field")).contains(field);
        }
    }

    @Test
    void bulkChangesSeveralActionsOrNoneWithAProblemNamingEachRefusal() {
        String a = addAction("Bulk one " + unique);
        String b = addAction("Bulk two " + unique);

        HttpResponse<String> refused = editor.postJson("/api/v1/actions/bulk", """
                {"actions": [{"id": "%s", "version": 0}, {"id": "%s", "version": 5}], "priority": "P0"}""".formatted(a, b));
        assertProblem(refused, 422, b);
        assertThat(json(editor.get("/api/v1/actions/" + a)).get("priority").asString())
                .isEqualTo("P2");

        HttpResponse<String> done = editor.postJson("/api/v1/actions/bulk", """
                {"actions": [{"id": "%s", "version": 0}, {"id": "%s", "version": 0}], "status": "done", "priority": "P1"}""".formatted(a, b));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(json(done).get("changed").findValuesAsString("status")).containsExactly("done", "done");
        assertThat(json(done).get("changed").findValuesAsString("priority")).containsExactly("P1", "P1");

        assertProblem(editor.postJson("/api/v1/actions/bulk", """
                {"actions": [{"id": "nope"}], "status": "done"}"""), 422, "actions");
        assertProblem(viewer.postJson("/api/v1/actions/bulk", """
                {"actions": [{"id": "%s", "version": 2}], "status": "open"}""".formatted(a)), 403, null);
    }

    @Test
    void savesListsAndDeletesViews() {
        HttpResponse<String> saved = viewer.postJson("/api/v1/action-views", """
                {"name": "Mine %s", "query": "mine=true&sort=priority"}""".formatted(unique));
        assertThat(saved.statusCode()).isEqualTo(201);
        long id = json(saved).get("id").asLong();
        assertThat(json(viewer.get("/api/v1/action-views")).findValuesAsString("name"))
                .contains("Mine " + unique);
        assertThat(json(editor.get("/api/v1/action-views")).findValuesAsString("name"))
                .doesNotContain("Mine " + unique);

        assertProblem(viewer.postJson("/api/v1/action-views", """
                {"name": "", "query": "drop=table"}"""), 422, "query");
        assertProblem(editor.send("DELETE", "/api/v1/action-views/" + id, null, Map.of()), 404, null);
        assertThat(viewer.send("DELETE", "/api/v1/action-views/" + id, null, Map.of())
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void reportsTheGateAndAcceptsARiskThroughTheApi() {
        long cause = rootCause("Pool too small " + unique);

        JsonNode gate = json(viewer.get("/api/v1/incidents/" + key + "/action-gate"));
        assertThat(gate.get("passes").asBoolean()).isFalse();
        assertThat(gate.get("findings").findValuesAsString("factorTitle")).containsExactly("Pool too small " + unique);

        assertProblem(
                editor.send(
                        "PUT",
                        "/api/v1/incidents/" + key + "/factors/" + cause + "/accepted-risk",
                        "{\"note\": \"\"}",
                        Map.of()),
                422,
                "note");
        HttpResponse<String> accepted = editor.send(
                "PUT",
                "/api/v1/incidents/" + key + "/factors/" + cause + "/accepted-risk",
                "{\"note\": \"Rewrite lands next month\"}",
                Map.of());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).get("acceptedBy").asString()).isEqualTo(editorActor.username());
        JsonNode after = json(viewer.get("/api/v1/incidents/" + key + "/action-gate"));
        assertThat(after.get("passes").asBoolean()).isTrue();
        assertThat(after.get("acceptedRisks").findValuesAsString("note")).containsExactly("Rewrite lands next month");

        HttpSession browser = HttpSession.login("http://localhost:" + port, editorActor.username(), TestUsers.PASSWORD);
        assertThat(browser.get("/incidents/" + key + "/actions-fragment").body())
                .contains("id=\"gate-passes\"", "Rewrite lands next month");
        assertThat(viewer.get("/api/v1/incidents/" + key + "/recurrences").body())
                .isEqualTo("[]");
        assertProblem(viewer.get("/api/v1/incidents/INC-999999999/action-gate"), 404, null);
    }

    @Test
    void theBoardPageOffersMyActionsSavedViewsAndBulkChanges() {
        String a = addAction("Board page " + unique);
        HttpSession browser = HttpSession.login("http://localhost:" + port, editorActor.username(), TestUsers.PASSWORD);
        String csrf = browser.csrfFrom("/actions");

        HttpResponse<String> saved = browser.postForm(
                "/actions/views",
                Map.of("name", "Page view " + unique, "query", "incident=" + key + "&sort=priority", "_csrf", csrf));
        assertThat(saved.statusCode()).isEqualTo(302);
        String board = browser.get("/actions?incident=" + key).body();
        assertThat(board).contains("id=\"my-actions\"", "Page view " + unique, "id=\"bulk-form\"");
        assertThat(board).contains("value=\"" + a + ":0\"");

        HttpResponse<String> bulk =
                browser.postForm("/actions/bulk", Map.of("selected", a + ":0", "status", "in_progress", "_csrf", csrf));
        assertThat(bulk.statusCode()).isEqualTo(302);
        assertThat(json(editor.get("/api/v1/actions/" + a)).get("status").asString())
                .isEqualTo("in_progress");
    }
}
