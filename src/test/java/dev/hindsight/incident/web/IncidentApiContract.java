package dev.hindsight.incident.web;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API over real HTTP: status codes, problem details, versions, visibility. Run on each database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class IncidentApiContract {

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

    @BeforeEach
    void setUp() {
        editor = session(TestUsers.create(accounts, "editor"));
        viewer = session(TestUsers.create(accounts, "viewer"));
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    HttpSession session(Actor actor) {
        return HttpSession.withToken(base(), tokens.create(actor, "test").secret());
    }

    String base() {
        return "http://localhost:" + port;
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    long incidentCount() {
        return jdbc.sql("select count(*) from incidents").query(Long.class).single();
    }

    HttpResponse<String> create(String title) {
        return editor.postJson("/api/v1/incidents", """
                {"title": "%s", "severity": "SEV2", "summary": "api",
                 "keyTimes": {"startedAt": "2026-03-02T10:00:00Z", "detectedAt": "2026-03-02T11:04:00+01:00"}}""".formatted(title));
    }

    @Test
    void createsAndReadsAnIncidentWithEtagAndComputedDurations() {
        HttpResponse<String> created = create("API " + unique);

        assertThat(created.statusCode()).isEqualTo(201);
        String key = json(created).get("key").asString();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/incidents/" + key);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode read = json(editor.get("/api/v1/incidents/" + key));
        assertThat(read.at("/durations/timeToDetect/seconds").asLong()).isEqualTo(240);
        assertThat(read.at("/keyTimes/detectedAt").asString()).isEqualTo("2026-03-02T10:04:00Z");
        assertThat(read.get("status").asString()).isEqualTo("investigating");
    }

    @Test
    void refusesAnonymousRequestsWithProblemDetails() {
        HttpResponse<String> response = HttpSession.withToken(base(), null).get("/api/v1/incidents");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(json(response).get("status").asInt()).isEqualTo(401);

        assertThat(HttpSession.withToken(base(), "hs_not-a-real-token")
                        .get("/api/v1/incidents")
                        .statusCode())
                .isEqualTo(401);
        assertThat(HttpSession.withToken(base(), null)
                        .postJson("/api/v1/incidents", "{\"title\": \"x\", \"severity\": \"SEV2\"}")
                        .statusCode())
                .as("an anonymous write is unauthorised, not a CSRF failure")
                .isEqualTo(401);
    }

    @Test
    void stopsAcceptingARevokedToken() {
        Actor actor = TestUsers.create(accounts, "viewer");
        var issued = tokens.create(actor, "short-lived");
        HttpSession session = HttpSession.withToken(base(), issued.secret());
        assertThat(session.get("/api/v1/me").statusCode()).isEqualTo(200);

        tokens.revoke(actor, issued.token().id());

        assertThat(session.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from api_tokens where token_hash = ?")
                        .param(issued.secret())
                        .query(Long.class)
                        .single())
                .as("tokens are stored hashed")
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON        | {"title": "x", "severity":                         | 400 |
            wrong type            | {"title": "x", "severity": "SEV2", "impact": {"usersAffected": "many"}} | 400 | impact.usersAffected
            unknown field         | {"title": "x", "severity": "SEV2", "sevirity": "SEV1"} | 400 | sevirity
            bad time              | {"title": "x", "severity": "SEV2", "keyTimes": {"startedAt": "yesterday"}} | 400 | keyTimes.startedAt
            unknown severity      | {"title": "x", "severity": "SEV7"}                  | 422 | severity
            impossible time order | {"title": "x", "severity": "SEV2", "keyTimes": {"startedAt": "2026-03-02T10:00:00Z", "detectedAt": "2026-03-02T09:00:00Z"}} | 422 | keyTimes.detectedAt
            missing title         | {"severity": "SEV2"}                                | 422 | title
            empty body            |                                                     | 400 |
            """)
    void rejectsBadInputWithAClearProblemAndChangesNothing(String why, String body, int status, String field) {
        long before = incidentCount();

        HttpResponse<String> response = editor.postJson("/api/v1/incidents", body == null ? "" : body);

        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode problem = json(response);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).startsWith("https://hindsight.dev/problems/");
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        }
        assertThat(incidentCount()).isEqualTo(before);
    }

    @Test
    void answersAStaleIfMatchWith412AndAStaleBodyVersionWith409() {
        String key = json(create("Versions " + unique)).get("key").asString();
        String edit = """
                {"title": "%s", "severity": "SEV1"}""";
        HttpResponse<String> first =
                editor.send("PUT", "/api/v1/incidents/" + key, edit.formatted("First"), Map.of("If-Match", "\"0\""));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).contains("\"1\"");

        HttpResponse<String> stale =
                editor.send("PUT", "/api/v1/incidents/" + key, edit.formatted("Second"), Map.of("If-Match", "\"0\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("currentVersion").asInt()).isEqualTo(1);

        HttpResponse<String> staleBody = editor.send("PUT", "/api/v1/incidents/" + key, """
                {"title": "Third", "severity": "SEV1", "version": 0}""", Map.of());
        assertThat(staleBody.statusCode()).isEqualTo(409);
        assertThat(json(staleBody).get("detail").asString()).contains("changed by someone else");

        HttpResponse<String> noVersion =
                editor.send("PUT", "/api/v1/incidents/" + key, edit.formatted("Fourth"), Map.of());
        assertThat(noVersion.statusCode()).isEqualTo(422);
        assertThat(json(editor.get("/api/v1/incidents/" + key)).get("title").asString())
                .isEqualTo("First");
    }

    @Test
    void hidesARestrictedIncidentFromAViewerWith404() {
        HttpResponse<String> created = editor.postJson("/api/v1/incidents", """
                {"title": "Restricted %s", "severity": "SEV2", "visibility": "restricted", "tags": ["r-%s"]}""".formatted(unique, unique));
        String key = json(created).get("key").asString();

        assertThat(viewer.get("/api/v1/incidents/" + key).statusCode()).isEqualTo(404);
        assertThat(json(viewer.get("/api/v1/incidents?tag=r-" + unique))
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(editor.get("/api/v1/incidents/" + key).statusCode()).isEqualTo(200);
    }

    @Test
    void letsAViewerReadButNotWrite() {
        HttpResponse<String> response = viewer.postJson("/api/v1/incidents", """
                {"title": "Viewer", "severity": "SEV3"}""");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/incidents").statusCode()).isEqualTo(200);
    }

    @Test
    void changesStatusThroughTheLifecycleOnly() {
        String key = json(create("Status " + unique)).get("key").asString();
        HttpResponse<String> resolved = editor.postJson("/api/v1/incidents/" + key + "/status", """
                {"status": "resolved", "version": 0}""");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(json(resolved).at("/keyTimes/resolvedAt").isNull()).isFalse();

        HttpResponse<String> illegal = editor.postJson("/api/v1/incidents/" + key + "/status", """
                {"status": "monitoring", "version": 1}""");
        assertThat(illegal.statusCode()).isEqualTo(422);
        assertThat(json(illegal).get("detail").asString()).contains("cannot move from resolved to monitoring");
    }

    @Test
    void listsWithFiltersAndRejectsBadQueryValues() {
        create("Listed " + unique);
        JsonNode page = json(editor.get("/api/v1/incidents?q=listed%20" + unique + "&size=5"));
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("title").asString()).isEqualTo("Listed " + unique);

        assertThat(editor.get("/api/v1/incidents?size=1000").statusCode()).isEqualTo(422);
        assertThat(editor.get("/api/v1/incidents?from=last-week").statusCode()).isEqualTo(422);
        assertThat(editor.get("/api/v1/incidents?sort=color").statusCode()).isEqualTo(422);
        assertThat(editor.get("/api/v1/incidents/INC-abc").statusCode()).isEqualTo(404);
    }

    @Test
    void servesHealthOpenlyAndMetricsAndOpenApiToSignedInUsers() {
        HttpSession anonymous = HttpSession.withToken(base(), null);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").statusCode()).isIn(302, 401);
        assertThat(editor.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        JsonNode openapi = json(editor.get("/api/v1/openapi.json"));
        assertThat(openapi.get("paths").has("/api/v1/incidents")).isTrue();
    }
}
