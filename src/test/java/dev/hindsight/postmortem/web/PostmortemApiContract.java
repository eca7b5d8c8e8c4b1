package dev.hindsight.postmortem.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/** The postmortem JSON API, exports and import over real HTTP. Run on each database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class PostmortemApiContract {

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
    HttpSession admin;
    String adminToken;
    String unique;
    String key;

    @BeforeEach
    void setUp() {
        editor = session(TestUsers.create(accounts, "editor"));
        viewer = session(TestUsers.create(accounts, "viewer"));
        adminToken = tokens.create(TestUsers.admin(accounts), "test").secret();
        admin = HttpSession.withToken(base(), adminToken);
        unique = UUID.randomUUID().toString().substring(0, 8);
        key = createIncident("normal");
    }

    String base() {
        return "http://localhost:" + port;
    }

    HttpSession session(Actor actor) {
        return HttpSession.withToken(base(), tokens.create(actor, "test").secret());
    }

    String createIncident(String visibility) {
        HttpResponse<String> created = editor.postJson("/api/v1/incidents", """
                {"title": "Postmortem %s", "summary": "Checkout failed", "severity": "SEV2", "visibility": "%s"}""".formatted(unique, visibility));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("key").asString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    HttpResponse<String> putSection(HttpSession who, String incident, String section, String body, String ifMatch) {
        return who.send(
                "PUT",
                "/api/v1/incidents/" + incident + "/postmortem/sections/" + section,
                JSON.writeValueAsString(Map.of("body", body)),
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    @Test
    void readsAndEditsSectionsWithVersions() {
        HttpResponse<String> read = viewer.get("/api/v1/incidents/" + key + "/postmortem");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"-1\"");
        assertThat(json(read).get("sections").findValuesAsString("key")).contains("summary", "what-happened");

        HttpResponse<String> saved = putSection(editor, key, "what-happened", "The pool **shrank**.", "\"-1\"");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(json(saved).get("sections").toString()).contains("<strong>shrank</strong>");

        HttpResponse<String> stale = putSection(editor, key, "what-happened", "Other text", "\"-1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("was changed by");
        HttpResponse<String> staleBody = editor.send(
                "PUT",
                "/api/v1/incidents/" + key + "/postmortem/sections/what-happened",
                "{\"body\": \"x\", \"version\": -1}",
                Map.of());
        assertThat(staleBody.statusCode()).isEqualTo(409);

        HttpResponse<String> history = viewer.get("/api/v1/incidents/" + key + "/postmortem/history");
        assertThat(json(history).get(0).get("diff").toString()).contains("+The pool **shrank**.");
    }

    @Test
    void refusesBadEditsWithProblemDetails() {
        HttpResponse<String> live = putSection(editor, key, "summary", "x", "\"-1\"");
        assertThat(live.statusCode()).isEqualTo(422);
        assertThat(live.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(json(live).get("errors").findValuesAsString("field")).contains("section");
        assertThat(putSection(viewer, key, "went-well", "x", "\"-1\"").statusCode())
                .isEqualTo(403);
        assertThat(putSection(editor, key, "went-well", "x", null).statusCode()).isEqualTo(422);
        assertThat(viewer.get("/api/v1/incidents/" + key + "/postmortem")
                        .headers()
                        .firstValue("ETag"))
                .hasValue("\"-1\"");
    }

    @Test
    void exportsMarkdownHtmlAndPdfAsDownloads() {
        putSection(editor, key, "went-well", "Paging worked — très bien.", "\"-1\"");

        HttpResponse<String> md = viewer.get("/api/v1/incidents/" + key + "/postmortem/export/md");
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/markdown"));
        assertThat(md.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment", key + "-postmortem.md"));
        assertThat(md.body()).startsWith("---\n").contains("title: Postmortem " + unique, "Paging worked — très bien.");

        HttpResponse<String> html = viewer.get("/api/v1/incidents/" + key + "/postmortem/export/html");
        assertThat(html.body())
                .contains("<h1>Postmortem " + unique + "</h1>", "<style>")
                .doesNotContain("<script");

        HttpResponse<String> pdf = viewer.get("/api/v1/incidents/" + key + "/postmortem/export/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(viewer.get("/api/v1/incidents/" + key + "/postmortem/export/doc")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void neverShowsARestrictedPostmortemToOutsiders() {
        String secret = createIncident("restricted");
        putSection(editor, secret, "went-well", "Secret words " + unique, "\"-1\"");

        for (String path : new String[] {"", "/history", "/export/md", "/export/html", "/export/pdf"}) {
            HttpResponse<String> response = viewer.get("/api/v1/incidents/" + secret + "/postmortem" + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("Secret words");
        }
        assertThat(viewer.get("/incidents/" + secret + "/postmortem/download/pdf")
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/incidents/" + secret + "/postmortem/export/md")
                        .body())
                .contains("Secret words " + unique);
    }

    @Test
    void importsOneFileFromTheBodyAndReportsEachFileOfAMultipartUpload() throws Exception {
        HttpResponse<String> one = raw(
                "/api/v1/postmortems/import?name=one.md",
                "text/markdown",
                ("---\ntitle: Imported " + unique + "\nseverity: critical\nstart_time: 2024-02-01T10:00:00+01:00\n"
                                + "keywords: [dns, \"TLS certs\"]\n---\nThe resolver cache expired.\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(one.statusCode()).isEqualTo(200);
        String imported = json(one).get(0).get("key").asString();
        JsonNode doc = json(viewer.get("/api/v1/incidents/" + imported + "/postmortem"));
        assertThat(doc.get("severity").asString()).isEqualTo("SEV1");
        assertThat(doc.get("keyTimes").get("startedAt").asString()).isEqualTo("2024-02-01T09:00:00Z");
        assertThat(doc.get("tags").toString()).contains("dns", "tls-certs");
        assertThat(doc.get("sections").toString()).contains("The resolver cache expired.");

        String boundary = "----hindsight" + unique;
        String multipart = part(boundary, "good.md", "---\ntitle: Good " + unique + "\n---\nBody\n")
                + part(boundary, "bad.md", "no front matter")
                + "--" + boundary + "--\r\n";
        HttpResponse<String> many = raw(
                "/api/v1/postmortems/import",
                "multipart/form-data; boundary=" + boundary,
                multipart.getBytes(StandardCharsets.UTF_8));
        assertThat(many.statusCode()).isEqualTo(422);
        JsonNode results = json(many);
        assertThat(results.get(0).get("file").asString()).isEqualTo("good.md");
        assertThat(results.get(0).get("errors")).isEmpty();
        assertThat(results.get(1).get("file").asString()).isEqualTo("bad.md");
        assertThat(results.get(1).get("errors").toString()).contains("no YAML front matter");

        HttpResponse<String> asEditor = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/v1/postmortems/import?name=x.md"))
                                .header(
                                        "Authorization",
                                        "Bearer "
                                                + tokens.create(TestUsers.create(accounts, "editor"), "t")
                                                        .secret())
                                .header("Content-Type", "text/markdown")
                                .POST(HttpRequest.BodyPublishers.ofString("---\ntitle: x\n---\n"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(asEditor.statusCode()).isEqualTo(403);
    }

    @Test
    void validatesTemplatesWithProblemDetails() {
        HttpResponse<String> bad = admin.postJson("/api/v1/postmortem-templates", """
                {"name": "", "sections": [{"title": "A", "kind": "poem"}]}""");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad).get("errors").findValuesAsString("field")).contains("name", "sections[0].kind");

        HttpResponse<String> good = admin.postJson("/api/v1/postmortem-templates", """
                {"name": "Short %s", "severities": ["SEV5"], "sections": [{"title": "What happened", "required": true},
                 {"title": "Actions", "kind": "action_items"}]}""".formatted(unique));
        assertThat(good.statusCode()).isEqualTo(201);
        assertThat(json(good).get("sections").findValuesAsString("key")).containsExactly("what-happened", "actions");
        assertThat(editor.postJson("/api/v1/postmortem-templates", "{\"name\": \"x\"}")
                        .statusCode())
                .isEqualTo(403);
    }

    HttpResponse<String> raw(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + path))
                                .header("Authorization", "Bearer " + adminToken)
                                .header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static String part(String boundary, String fileName, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/markdown\r\n\r\n" + content + "\r\n";
    }
}
