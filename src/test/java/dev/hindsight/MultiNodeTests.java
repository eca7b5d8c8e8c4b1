package dev.hindsight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.EmbeddedPostgresServer;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two full server instances against one PostgreSQL database, started at the same time, as behind a load balancer:
 * sessions, data, optimistic versions, keys, the demo dataset and disabled accounts must all hold across nodes.
 */
class MultiNodeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN_PASSWORD = "multi-node-admin-password";
    private static final String SESSION_COOKIE = "HINDSIGHT_SESSION";

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static final List<String> startFailures = new ArrayList<>();
    private static String a;
    private static String b;

    @BeforeAll
    static void startTwoNodesOnOneDatabaseAtOnce() throws Exception {
        String url = EmbeddedPostgresServer.newDatabase();
        Path dataDir = Files.createTempDirectory("hindsight-multi-node");
        try (ExecutorService starter = Executors.newFixedThreadPool(2)) {
            Future<ConfigurableApplicationContext> first = starter.submit(() -> start(url, dataDir.resolve("a")));
            Future<ConfigurableApplicationContext> second = starter.submit(() -> start(url, dataDir.resolve("b")));
            nodeA = startedOrNull(first);
            nodeB = startedOrNull(second);
        }
        assertThat(nodeA).as("node A started: %s", startFailures).isNotNull();
        assertThat(nodeB).as("node B started: %s", startFailures).isNotNull();
        a = base(nodeA);
        b = base(nodeB);
    }

    private static ConfigurableApplicationContext start(String url, Path dataDir) {
        return new SpringApplicationBuilder(HindsightApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--hindsight.admin-password=" + ADMIN_PASSWORD,
                        "--hindsight.demo-data=true",
                        "--hindsight.data-dir=" + dataDir);
    }

    private static ConfigurableApplicationContext startedOrNull(Future<ConfigurableApplicationContext> node)
            throws InterruptedException {
        try {
            return node.get();
        } catch (ExecutionException e) {
            StringWriter trace = new StringWriter();
            e.getCause().printStackTrace(new PrintWriter(trace));
            startFailures.add(trace.toString());
            return null;
        }
    }

    @AfterAll
    static void stopBothNodes() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getRequiredProperty("local.server.port");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static Actor newUser(String role) {
        return TestUsers.create(nodeA.getBean(Accounts.class), role);
    }

    private static HttpSession withToken(String base, Actor actor) {
        return HttpSession.withToken(
                base, nodeA.getBean(ApiTokens.class).create(actor, "multi-node").secret());
    }

    private static String createIncident(HttpSession session, String title) {
        HttpResponse<String> created = session.postJson("/api/v1/incidents", """
                {"title": "%s", "severity": "SEV2"}""".formatted(title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("key").asString();
    }

    @Test
    void honoursASessionStartedOnOneNodeOnTheOtherUntilItIsLoggedOutThere() {
        Actor editor = newUser("editor");
        HttpSession onA = HttpSession.login(a, editor.username(), TestUsers.PASSWORD);
        String cookie = onA.cookie(SESSION_COOKIE).orElseThrow();
        HttpSession onB = HttpSession.withCookie(b, SESSION_COOKIE, cookie);

        HttpResponse<String> me = onB.get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("username").asString()).isEqualTo(editor.username());
        assertThat(onB.get("/incidents").statusCode()).isEqualTo(200);
        assertThat(HttpSession.withToken(b, null).get("/api/v1/me").statusCode())
                .as("without the cookie node B refuses")
                .isEqualTo(401);

        String csrf = onB.csrfFrom("/incidents");
        HttpResponse<String> logout = onB.postForm("/logout", Map.of("_csrf", csrf));
        assertThat(logout.statusCode()).isEqualTo(302);

        assertThat(onA.get("/api/v1/me").statusCode())
                .as("the session ended on node B is gone on node A too")
                .isEqualTo(401);
    }

    @Test
    void readsThroughOneNodeAnIncidentCreatedThroughTheOther() {
        HttpSession editorOnA = withToken(a, newUser("editor"));
        HttpSession viewerOnB = withToken(b, newUser("viewer"));
        String title = "Created on A " + UUID.randomUUID();

        String key = createIncident(editorOnA, title);

        HttpResponse<String> read = viewerOnB.get("/api/v1/incidents/" + key);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("title").asString()).isEqualTo(title);
        assertThat(read.headers().firstValue("ETag")).contains("\"0\"");
    }

    @Test
    void refusesAnEditThroughOneNodeBasedOnAVersionAlreadyChangedThroughTheOther() {
        Actor editor = newUser("editor");
        HttpSession onA = withToken(a, editor);
        HttpSession onB = withToken(b, editor);
        String key = createIncident(onA, "Versions " + UUID.randomUUID());
        assertThat(onB.get("/api/v1/incidents/" + key).headers().firstValue("ETag"))
                .contains("\"0\"");
        String edit = """
                {"title": "%s", "severity": "SEV1"}""";

        HttpResponse<String> onAFirst =
                onA.send("PUT", "/api/v1/incidents/" + key, edit.formatted("Edited on A"), Map.of("If-Match", "\"0\""));
        assertThat(onAFirst.statusCode()).isEqualTo(200);

        HttpResponse<String> staleHeader =
                onB.send("PUT", "/api/v1/incidents/" + key, edit.formatted("Edited on B"), Map.of("If-Match", "\"0\""));
        assertThat(staleHeader.statusCode()).isEqualTo(412);
        HttpResponse<String> staleBody = onB.send("PUT", "/api/v1/incidents/" + key, """
                {"title": "Edited on B", "severity": "SEV1", "version": 0}""", Map.of());
        assertThat(staleBody.statusCode()).isEqualTo(409);
        JsonNode current = json(onB.get("/api/v1/incidents/" + key));
        assertThat(current.get("title").asString()).isEqualTo("Edited on A");
        assertThat(current.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void givesDistinctKeysToIncidentsCreatedConcurrentlyOnBothNodes() throws Exception {
        Actor editor = newUser("editor");
        List<HttpSession> nodes = List.of(withToken(a, editor), withToken(b, editor));
        String prefix = "Parallel " + UUID.randomUUID().toString().substring(0, 8);
        int count = 20;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                HttpSession node = nodes.get(i % 2);
                String title = prefix + " #" + i;
                results.add(threads.submit(() -> {
                    go.await();
                    return node.postJson("/api/v1/incidents", """
                            {"title": "%s", "severity": "SEV3"}""".formatted(title));
                }));
            }
            go.countDown();
            Set<String> keys = new HashSet<>();
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                keys.add(json(response).get("key").asString());
            }
            assertThat(keys).hasSize(count);
        }
        JdbcClient jdbc = nodeB.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from incidents where title like ?")
                        .param(prefix + " #%")
                        .query(Long.class)
                        .single())
                .isEqualTo(count);
    }

    @Test
    void loadsTheDemoDatasetOnceThoughBothNodesWereAskedTo() {
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from incidents where title = ?")
                        .param("Checkout errors after payments-gateway deploy")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from users where username in ('admin', 'alice')")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void stopsAcceptingTheTokenAndSessionOfAUserDisabledThroughTheOtherNode() {
        Actor viewer = newUser("viewer");
        HttpSession tokenOnB = withToken(b, viewer);
        HttpSession sessionOnB = HttpSession.login(b, viewer.username(), TestUsers.PASSWORD);
        assertThat(tokenOnB.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(sessionOnB.get("/api/v1/me").statusCode()).isEqualTo(200);
        HttpSession adminOnA = withToken(a, TestUsers.admin(nodeA.getBean(Accounts.class)));

        HttpResponse<String> disabled =
                adminOnA.send("PUT", "/api/v1/users/" + viewer.userId() + "/enabled", "{\"enabled\": false}", Map.of());
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        assertThat(tokenOnB.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(sessionOnB.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsTheConfiguredAdminPasswordOnBothNodes() {
        for (String node : List.of(a, b)) {
            HttpResponse<String> me =
                    HttpSession.login(node, "admin", ADMIN_PASSWORD).get("/api/v1/me");
            assertThat(json(me).get("role").asString()).isEqualTo("admin");
        }
    }
}
