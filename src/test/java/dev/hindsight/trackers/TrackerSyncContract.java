package dev.hindsight.trackers;

import static dev.hindsight.incident.IncidentFixtures.sev2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.actions.ActionForm;
import dev.hindsight.actions.ActionItem;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.actions.ActionStatus;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import dev.hindsight.trackers.internal.WebhookSignatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tracker sync against local stub servers speaking the GitHub Issues and Jira Cloud v3 APIs: ticket creation with a
 * backlink, outbound and inbound status, failures (401, 404, 429 with Retry-After, 5xx) and recovery, webhook
 * signatures. Queued calls are delivered by calling the job's method with chosen instants. Run on each database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class TrackerSyncContract {

    static final StubTrackers STUB = new StubTrackers();
    static final String GITHUB_SECRET = "gh-webhook-secret";
    static final String JIRA_SECRET = "jira-webhook-secret";

    @DynamicPropertySource
    static void trackers(DynamicPropertyRegistry registry) {
        registry.add("hindsight.trackers.dispatch-immediately", () -> "false");
        registry.add("hindsight.trackers.github.api-url", () -> STUB.url() + "/github");
        registry.add("hindsight.trackers.github.token", () -> "gh-token");
        registry.add("hindsight.trackers.github.repository", () -> "acme/shop");
        registry.add("hindsight.trackers.github.webhook-secret", () -> GITHUB_SECRET);
        registry.add("hindsight.trackers.jira.base-url", () -> STUB.url() + "/jira");
        registry.add("hindsight.trackers.jira.email", () -> "bot@example.com");
        registry.add("hindsight.trackers.jira.api-token", () -> "jira-token");
        registry.add("hindsight.trackers.jira.project-key", () -> "OPS");
        registry.add("hindsight.trackers.jira.webhook-secret", () -> JIRA_SECRET);
        registry.add("hindsight.base-url", () -> "https://hindsight.example");
    }

    @LocalServerPort
    int port;

    @Autowired
    TrackerSync sync;

    @Autowired
    ActionItems actions;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    Actor editor;
    IncidentId incident;
    ActionItem action;
    Instant now;

    @BeforeEach
    void setUp() {
        STUB.reset();
        editor = TestUsers.create(accounts, "editor");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        incident = incidents.create(editor, sev2("Tracked " + unique)).id();
        action = actions.add(
                editor,
                incident,
                new ActionForm(
                        "Add a canary " + unique,
                        "Canary every deploy",
                        "prevent",
                        "P1",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        now = Instant.now().plus(1, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS);
    }

    Ticket ticket() {
        return sync.ticket(editor, action.id()).orElseThrow();
    }

    Ticket created(String tracker) {
        sync.createTicket(editor, action.id(), tracker, "https://hindsight.example/incidents/" + incident.key());
        assertThat(sync.deliverDue(now)).isPositive();
        assertThat(ticket().state()).isEqualTo(SyncState.SYNCED);
        return ticket();
    }

    ActionItem current() {
        return actions.get(editor, action.id());
    }

    ActionItem move(String status, String reason) {
        ActionItem a = current();
        return actions.changeStatus(editor, a.id(), status, reason, a.version());
    }

    HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] githubEvent(String key, String state, String reason) {
        int hash = key.lastIndexOf('#');
        return ("{\"action\":\"closed\",\"issue\":{\"number\":" + key.substring(hash + 1) + ",\"state\":\"" + state
                        + "\",\"state_reason\":\"" + reason + "\"},\"repository\":{\"full_name\":\""
                        + key.substring(0, hash) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void createsAGitHubIssueWithABacklinkAndClosesItWhenTheActionIsDone() {
        Ticket ticket = created("github");

        assertThat(ticket.state()).isEqualTo(SyncState.SYNCED);
        assertThat(ticket.externalKey()).matches("acme/shop#\\d+");
        assertThat(ticket.url()).startsWith("https://github.example/acme/shop/issues/");
        StubTrackers.Request create = STUB.requests().stream()
                .filter(r -> r.body().contains(action.title()))
                .findFirst()
                .orElseThrow();
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/github/repos/acme/shop/issues");
        assertThat(create.json().get("title").asString()).isEqualTo(action.title());
        assertThat(create.json().get("body").asString())
                .contains("Canary every deploy", action.key(), "https://hindsight.example/incidents/" + incident.key());

        move("done", null);
        assertThat(ticket().pendingCalls()).isEqualTo(1);
        assertThat(sync.deliverDue(now)).isEqualTo(1);

        StubTrackers.Request patch = STUB.requests().getLast();
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.json().get("state").asString()).isEqualTo("closed");
        assertThat(patch.json().get("state_reason").asString()).isEqualTo("completed");
        assertThat(STUB.githubStates.get(ticket.externalKey())).isEqualTo("closed");
        assertThat(ticket().remoteStatus()).isEqualTo("closed");
        assertThat(ticket().pendingCalls()).isZero();
    }

    @Test
    void createsAJiraIssueInDocumentFormatAndTransitionsIt() {
        Ticket ticket = created("jira");

        assertThat(ticket.externalKey()).matches("OPS-\\d+");
        assertThat(ticket.url()).endsWith("/jira/browse/" + ticket.externalKey());
        var fields = STUB.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/jira/rest/api/3/issue"))
                .filter(r -> r.body().contains(action.title()))
                .findFirst()
                .orElseThrow()
                .json()
                .get("fields");
        assertThat(fields.get("project").get("key").asString()).isEqualTo("OPS");
        assertThat(fields.get("issuetype").get("name").asString()).isEqualTo("Task");
        assertThat(fields.get("description").get("type").asString()).isEqualTo("doc");
        assertThat(fields.get("description").toString()).contains("https://hindsight.example/incidents/");

        move("in_progress", null);
        sync.deliverDue(now);
        assertThat(STUB.jiraStates.get(ticket.externalKey())).isEqualTo("In Progress");
        StubTrackers.Request transition = STUB.requests().getLast();
        assertThat(transition.path()).endsWith("/transitions");
        assertThat(transition.json().get("transition").get("id").asString()).isEqualTo("11");
        assertThat(ticket().remoteStatus()).isEqualTo("In Progress");
    }

    @Test
    void refusesUnknownTrackersAndASecondTicket() {
        assertThatThrownBy(() -> sync.createTicket(editor, action.id(), "trello", "x"))
                .isInstanceOf(InvalidInputException.class);
        created("github");
        assertThatThrownBy(() -> sync.createTicket(editor, action.id(), "jira", "x"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void retriesThrough401And5xxAnd429WithRetryAfterThenRecovers() {
        sync.createTicket(editor, action.id(), "github", "https://hindsight.example/incidents/" + incident.key());

        STUB.failNext(401, Map.of());
        assertThat(sync.deliverDue(now)).isZero();
        Ticket afterUnauthorized = ticket();
        assertThat(afterUnauthorized.state()).isEqualTo(SyncState.RETRYING);
        assertThat(afterUnauthorized.lastError()).contains("401").doesNotContain("gh-token");
        assertThat(afterUnauthorized.pendingCalls()).isEqualTo(1);
        assertThat(afterUnauthorized.nextAttemptAt().toInstant()).isEqualTo(now.plus(Duration.ofSeconds(30)));
        assertThat(move("in_progress", null).status()).isEqualTo(ActionStatus.IN_PROGRESS);

        int calls = STUB.requests().size();
        assertThat(sync.deliverDue(now.plusSeconds(10))).isZero();
        assertThat(STUB.requests()).hasSize(calls);

        Instant second = now.plusSeconds(31);
        STUB.failNext(503, Map.of());
        assertThat(sync.deliverDue(second)).isZero();
        assertThat(ticket().lastError()).contains("503");
        assertThat(ticket().nextAttemptAt().toInstant()).isEqualTo(second.plus(Duration.ofSeconds(60)));

        Instant third = second.plusSeconds(61);
        STUB.failNext(429, Map.of("Retry-After", "120"));
        assertThat(sync.deliverDue(third)).isZero();
        assertThat(ticket().lastError()).contains("429");
        assertThat(ticket().nextAttemptAt().toInstant()).isEqualTo(third.plus(Duration.ofSeconds(120)));
        assertThat(sync.deliverDue(third.plusSeconds(119))).isZero();

        assertThat(sync.deliverDue(third.plusSeconds(121))).isEqualTo(1);
        Ticket recovered = ticket();
        assertThat(recovered.state()).isEqualTo(SyncState.SYNCED);
        assertThat(recovered.externalKey()).startsWith("acme/shop#");
        assertThat(recovered.lastError()).isNull();
        assertThat(current().status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(STUB.requests().stream().filter(r -> r.method().equals("POST")))
                .hasSize(4);
    }

    @Test
    void aTicketGoneFromTheTrackerIsMarkedFailedAndTheActionStillChanges() {
        Ticket ticket = created("github");
        STUB.githubStates.remove(ticket.externalKey());

        assertThat(move("done", null).status()).isEqualTo(ActionStatus.DONE);
        assertThat(sync.deliverDue(now)).isZero();

        Ticket failed = ticket();
        assertThat(failed.state()).isEqualTo(SyncState.FAILED);
        assertThat(failed.lastError()).contains("404");
        assertThat(failed.pendingCalls()).isZero();
        assertThat(current().status()).isEqualTo(ActionStatus.DONE);
    }

    @Test
    void aSignedGitHubWebhookClosesTheActionAndABadSignatureIsRefused() throws Exception {
        Ticket ticket = created("github");
        byte[] closed = githubEvent(ticket.externalKey(), "closed", "completed");

        HttpResponse<String> forged = post(
                "/api/v1/webhooks/github",
                closed,
                Map.of("X-Hub-Signature-256", WebhookSignatures.sign("wrong-secret", closed)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/webhooks/github", closed, Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(current().status()).isEqualTo(ActionStatus.OPEN);

        HttpResponse<String> signed = post(
                "/api/v1/webhooks/github",
                closed,
                Map.of("X-Hub-Signature-256", WebhookSignatures.sign(GITHUB_SECRET, closed)));
        assertThat(signed.statusCode()).isEqualTo(204);
        assertThat(current().status()).isEqualTo(ActionStatus.DONE);
        assertThat(ticket().remoteStatus()).isEqualTo("closed");
        assertThat(ticket().pendingCalls()).isZero();
    }

    @Test
    void aJiraWebhookIsAcceptedSignedOrWithTheSharedSecretOnly() throws Exception {
        Ticket ticket = created("jira");
        byte[] done = ("{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"" + ticket.externalKey()
                        + "\",\"fields\":{\"status\":{\"name\":\"Done\"}}}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] reopened = ("{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"" + ticket.externalKey()
                        + "\",\"fields\":{\"status\":{\"name\":\"In Progress\"}}}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(post("/api/v1/webhooks/jira?secret=guess", done, Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/webhooks/jira", done, Map.of("X-Hub-Signature", WebhookSignatures.sign("x", done)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(current().status()).isEqualTo(ActionStatus.OPEN);

        assertThat(post(
                                "/api/v1/webhooks/jira",
                                done,
                                Map.of("X-Hub-Signature", WebhookSignatures.sign(JIRA_SECRET, done)))
                        .statusCode())
                .isEqualTo(204);
        assertThat(current().status()).isEqualTo(ActionStatus.DONE);

        assertThat(post("/api/v1/webhooks/jira?secret=" + JIRA_SECRET, reopened, Map.of())
                        .statusCode())
                .isEqualTo(204);
        assertThat(current().status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(ticket().pendingCalls()).isZero();
    }

    @Test
    void thePollPicksUpChangesTheWebhooksMissed() {
        Ticket ticket = created("github");
        STUB.githubStates.put(ticket.externalKey(), "not_planned");

        assertThat(sync.poll()).isGreaterThanOrEqualTo(1);

        ActionItem dropped = current();
        assertThat(dropped.status()).isEqualTo(ActionStatus.WONT_DO);
        assertThat(dropped.wontDoReason()).contains(ticket.externalKey());
        assertThat(ticket().remoteStatus()).isEqualTo("not_planned");
        assertThat(ticket().pendingCalls()).isZero();

        STUB.githubStates.put(ticket.externalKey(), "open");
        sync.poll();
        assertThat(current().status()).isEqualTo(ActionStatus.OPEN);
        assertThat(ticket().pendingCalls()).isZero();
    }

    @Test
    void theApiQueuesATicketWithProblemDetailsForBadRequestsAndThePageShowsTheSyncState() {
        HttpSession api = HttpSession.withToken(
                "http://localhost:" + port, tokens.create(editor, "test").secret());

        HttpResponse<String> unknown =
                api.postJson("/api/v1/actions/" + action.key() + "/ticket", "{\"tracker\": \"trello\"}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(api.get("/api/v1/actions/" + action.key() + "/ticket").statusCode())
                .isEqualTo(404);

        HttpResponse<String> queued =
                api.postJson("/api/v1/actions/" + action.key() + "/ticket", "{\"tracker\": \"github\"}");
        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(queued.body()).contains("\"state\":\"pending\"").doesNotContain("gh-token");
        assertThat(api.postJson("/api/v1/actions/" + action.key() + "/ticket", "{\"tracker\": \"jira\"}")
                        .statusCode())
                .isEqualTo(409);

        STUB.failNext(500, Map.of());
        sync.deliverDue(Instant.now().plusSeconds(5));
        HttpSession browser = HttpSession.login("http://localhost:" + port, editor.username(), TestUsers.PASSWORD);
        String page = browser.get("/incidents/" + incident.key() + "/tickets-fragment")
                .body();
        assertThat(page).contains("id=\"ticket-" + action.key() + "\"", "sync-retrying", "answered 500");
        assertThat(page).doesNotContain("gh-token", "jira-token");
        assertThat(current().status()).isEqualTo(ActionStatus.OPEN);
    }

    @Test
    void twoNodesDeliveringAtOnceCreateTheTicketOnce() throws Exception {
        sync.createTicket(editor, action.id(), "github", "https://hindsight.example/incidents/" + incident.key());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return sync.deliverDue(now);
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        }
        assertThat(STUB.requests().stream()
                        .filter(r -> r.method().equals("POST") && r.body().contains(action.title())))
                .hasSize(1);
        assertThat(ticket().state()).isEqualTo(SyncState.SYNCED);
        assertThat(ticket().pendingCalls()).isZero();
    }

    @Test
    void mapsLifecycleStepsWithoutPullingWorkInProgressBackToOpen() {
        assertThat(TrackerSync.steps(ActionStatus.IN_PROGRESS, ActionStatus.OPEN))
                .isEmpty();
        assertThat(TrackerSync.steps(ActionStatus.DONE, ActionStatus.IN_PROGRESS))
                .containsExactly(ActionStatus.OPEN, ActionStatus.IN_PROGRESS);
        assertThat(TrackerSync.steps(ActionStatus.DONE, ActionStatus.WONT_DO))
                .containsExactly(ActionStatus.OPEN, ActionStatus.WONT_DO);
        assertThat(TrackerSync.steps(ActionStatus.OPEN, ActionStatus.DONE)).containsExactly(ActionStatus.DONE);
        assertThat(TrackerSync.steps(ActionStatus.WONT_DO, ActionStatus.OPEN)).containsExactly(ActionStatus.OPEN);
        assertThat(TrackerSync.steps(ActionStatus.DONE, ActionStatus.DONE)).isEmpty();
        assertThat(List.of(ActionStatus.values())).hasSize(4);
    }
}
