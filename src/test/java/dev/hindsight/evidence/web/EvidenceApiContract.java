package dev.hindsight.evidence.web;

import static dev.hindsight.evidence.EvidenceFixtures.binary;
import static dev.hindsight.evidence.EvidenceFixtures.logLines;
import static dev.hindsight.evidence.EvidenceFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The evidence JSON API over real HTTP: both upload styles, downloads, problems, visibility. Run on each database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class EvidenceApiContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    Actor editorActor;
    EvidenceHttp editor;
    EvidenceHttp viewer;
    String key;

    @BeforeEach
    void setUp() {
        editorActor = TestUsers.create(accounts, "editor");
        editor = client(editorActor);
        viewer = client(TestUsers.create(accounts, "viewer"));
        key = incident("normal");
    }

    EvidenceHttp client(Actor actor) {
        return new EvidenceHttp(
                "http://localhost:" + port, tokens.create(actor, "test").secret());
    }

    String incident(String visibility) {
        HttpSession setup = HttpSession.withToken(
                "http://localhost:" + port, tokens.create(editorActor, "setup").secret());
        HttpResponse<String> created = setup.postJson("/api/v1/incidents", """
                {"title": "Evidence API", "severity": "SEV2", "visibility": "%s"}""".formatted(visibility));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("key").asString();
    }

    String evidence() {
        return "/api/v1/incidents/" + key + "/evidence";
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static byte[] bytes(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void uploadsARawBodyAndGivesBackTheSameBytes() {
        byte[] content = logLines();

        HttpResponse<String> created = editor.postRaw(evidence() + "?name=checkout.log&zone=Europe/Paris", content);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.get("sha256").asString()).isEqualTo(sha256(content));
        assertThat(body.get("size").asLong()).isEqualTo(content.length);
        assertThat(body.get("kind").asString()).isEqualTo("log");
        assertThat(body.get("zone").asString()).isEqualTo("Europe/Paris");
        assertThat(body.get("alreadyAttached").asBoolean()).isFalse();
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo(evidence() + "/" + body.get("id").asLong());

        HttpResponse<InputStream> raw = editor.download(location + "/raw");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Length")).contains(String.valueOf(content.length));
        assertThat(raw.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("checkout.log");
        assertThat(raw.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(sha256(bytes(raw))).isEqualTo(sha256(content));
    }

    @Test
    void uploadsMultipartWithItsDescription() {
        byte[] content = dev.hindsight.evidence.EvidenceFixtures.slackMessages();

        HttpResponse<String> created = editor.postMultipart(
                evidence(),
                "incident-channel.txt",
                content,
                Map.of("kind", "chat", "zone", "America/New_York", "clockOffsetSeconds", "-30", "format", "slack"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.get("name").asString()).isEqualTo("incident-channel.txt");
        assertThat(body.get("kind").asString()).isEqualTo("chat");
        assertThat(body.get("clockOffsetSeconds").asInt()).isEqualTo(-30);
        assertThat(body.get("format").asString()).isEqualTo("slack");
        assertThat(body.get("sha256").asString()).isEqualTo(sha256(content));
        JsonNode listed = json(viewer.get(evidence()));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("uploadedBy").asString()).isEqualTo(editorActor.username());
        assertThat(listed.get(0).has("alreadyAttached")).isFalse();
    }

    @Test
    void answersAlreadyAttachedForTheSameBytesOnTheSameIncident() {
        byte[] content = logLines();
        long first = json(editor.postRaw(evidence() + "?name=app.log", content))
                .get("id")
                .asLong();

        HttpResponse<String> again = editor.postMultipart(evidence(), "again.log", content, Map.of());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("alreadyAttached").asBoolean()).isTrue();
        assertThat(json(again).get("id").asLong()).isEqualTo(first);
        assertThat(json(again).get("detail").asString()).contains("already attached", "app.log");
        assertThat(json(editor.get(evidence()))).hasSize(1);
    }

    @Test
    void refusesNulBytesInALogWithAProblemAndKeepsNothing() {
        HttpResponse<String> refused = editor.postRaw(evidence() + "?name=core.log&kind=log", binary());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(refused).get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(json(refused).get("detail").asString()).contains("NUL");
        assertThat(json(editor.get(evidence()))).isEmpty();
    }

    @Test
    void refusesUploadsFromViewersButLetsThemRead() {
        HttpResponse<String> refused = viewer.postRaw(evidence() + "?name=mine.log", logLines());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(viewer.get(evidence()).statusCode()).isEqualTo(200);
        assertThat(json(viewer.get(evidence()))).isEmpty();
    }

    @Test
    void hidesARestrictedIncidentsEvidenceFromOutsiders() {
        key = incident("restricted");
        long id = json(editor.postRaw(evidence() + "?name=secret.log", logLines()))
                .get("id")
                .asLong();
        EvidenceHttp outsider = client(TestUsers.create(accounts, "editor"));

        assertThat(outsider.get(evidence()).statusCode()).isEqualTo(404);
        assertThat(outsider.get(evidence() + "/" + id).statusCode()).isEqualTo(404);
        assertThat(outsider.download(evidence() + "/" + id + "/raw").statusCode())
                .isEqualTo(404);
        assertThat(outsider.postRaw(evidence() + "?name=x.log", logLines()).statusCode())
                .isEqualTo(404);
        assertThat(outsider.get("/api/v1/incidents/" + key + "/evidence-events").statusCode())
                .isEqualTo(404);
        assertThat(outsider.get(evidence() + "/" + id + "/lines?from=1&to=2").statusCode())
                .isEqualTo(404);
    }

    @Test
    void servesEventsRawLinesAndParseSummaries() {
        byte[] payload = dev.hindsight.evidence.EvidenceFixtures.alertPayload();
        long id = json(editor.postRaw(evidence() + "?name=am.json&kind=alert&zone=Europe/Paris", payload))
                .get("id")
                .asLong();

        JsonNode events = json(viewer.get("/api/v1/incidents/" + key + "/evidence-events"));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("evidenceId").asLong()).isEqualTo(id);
        assertThat(events.get(0).get("seq").asInt()).isEqualTo(1);
        assertThat(events.get(0).get("kind").asString()).isEqualTo("ALERT_FIRING");
        assertThat(events.get(0).get("at").asString()).isEqualTo("2026-03-02T10:00:05Z");
        assertThat(events.get(0).get("attributes").get("alertname").asString()).isEqualTo("CheckoutErrors");
        JsonNode lines = json(viewer.get(evidence() + "/" + id + "/lines?from=2&to=3"));
        assertThat(lines.get("lines")).hasSize(2);
        assertThat(lines.get("lines").get(0).get("number").asLong()).isEqualTo(2);
        assertThat(lines.get("lines").get(0).get("text").asString()).contains("\"alertname\":\"CheckoutErrors\"");
        JsonNode parse = json(viewer.get(evidence() + "/" + id + "/parse"));
        assertThat(parse.get("format").asString()).isEqualTo("alertmanager");
        assertThat(parse.get("events").asInt()).isEqualTo(1);
        HttpResponse<String> bad = viewer.get(evidence() + "/" + id + "/lines?from=0&to=3");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("from");
        HttpResponse<String> section = viewer.get("/incidents/" + key + "/evidence");
        assertThat(section.statusCode()).isEqualTo(200);
        assertThat(section.body()).contains("1 event").contains("0 unparsed");
        HttpResponse<String> unknownFormat =
                editor.postRaw(evidence() + "?name=x.json&kind=alert&format=nagios", payload);
        assertThat(unknownFormat.statusCode()).isEqualTo(422);
        assertThat(unknownFormat.body()).contains("nagios");
    }

    @Test
    void changesTheDescriptionAndRefusesBadValuesWithFieldErrors() {
        long id = json(editor.postRaw(evidence() + "?name=app.log", logLines()))
                .get("id")
                .asLong();

        HttpResponse<String> changed =
                editor.patch(evidence() + "/" + id, "{\"zone\": \"Asia/Tokyo\", \"clockOffsetSeconds\": 12}");
        HttpResponse<String> refused = editor.patch(evidence() + "/" + id, "{\"zone\": \"Nowhere/City\"}");
        HttpResponse<String> unknown = editor.patch(evidence() + "/" + id, "{\"colour\": \"red\"}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("zone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(json(changed).get("clockOffsetSeconds").asInt()).isEqualTo(12);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("errors").get(0).get("field").asString()).isEqualTo("zone");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(editor.get(evidence() + "/" + id)).get("zone").asString())
                .isEqualTo("Asia/Tokyo");
    }

    @Test
    void servesAwkwardFileNamesAsASafeAttachment() {
        byte[] content = logLines();
        String name = "rapport \"final\"; été.log";
        String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        long id = json(editor.postRaw(evidence() + "?name=" + encoded, content))
                .get("id")
                .asLong();

        HttpResponse<InputStream> raw = editor.download(evidence() + "/" + id + "/raw");

        String disposition = raw.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
        assertThat(disposition).doesNotContain("\"final\"").doesNotContain("\r").doesNotContain("\n");
        assertThat(bytes(raw)).isEqualTo(content);
    }

    @Test
    void refusesAnonymousRequests() {
        EvidenceHttp anonymous = new EvidenceHttp("http://localhost:" + port, null);

        assertThat(anonymous.get(evidence()).statusCode()).isEqualTo(401);
        assertThat(anonymous.postRaw(evidence() + "?name=a.log", logLines()).statusCode())
                .isIn(401, 403);
        assertThat(json(editor.get(evidence()))).isEmpty();
    }
}
