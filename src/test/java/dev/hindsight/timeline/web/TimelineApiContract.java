package dev.hindsight.timeline.web;

import static dev.hindsight.timeline.TimelineFixtures.timedIncident;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import dev.hindsight.timeline.TimelineFixtures;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The timeline JSON API and its CSV, JSON and Markdown exports over real HTTP. Run on each database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class TimelineApiContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    EvidenceCollection evidence;

    @Autowired
    JdbcClient jdbc;

    Actor editorActor;
    HttpSession editor;
    HttpSession viewer;
    String unique;
    String key;
    String base;

    @BeforeEach
    void setUp() {
        editorActor = TestUsers.create(accounts, "editor");
        editor = session(editorActor);
        viewer = session(TestUsers.create(accounts, "viewer"));
        unique = UUID.randomUUID().toString().substring(0, 8);
        key = TimelineFixtures.incidentWithLog(incidents, evidence, editorActor, timedIncident("API " + unique))
                .key();
        base = "/api/v1/incidents/" + key + "/timeline";
    }

    HttpSession session(Actor actor) {
        return HttpSession.withToken(
                "http://localhost:" + port, tokens.create(actor, "test").secret());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    List<String> refs() {
        JsonNode list = json(editor.get(base));
        return list.findValuesAsString("ref");
    }

    long rows() {
        return jdbc.sql("select count(*) from timeline_entries")
                .query(Long.class)
                .single();
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
    void listsProposedEntriesAndCuratesThemWithVersions() {
        List<String> refs = refs();
        assertThat(refs).hasSize(2);
        String ref = refs.getFirst();

        HttpResponse<String> read = viewer.get(base + "/entries/" + ref);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(json(read).get("status").asString()).isEqualTo("PROPOSED");

        HttpResponse<String> accepted =
                editor.send("POST", base + "/entries/" + ref + "/accept", "{}", Map.of("If-Match", "\"0\""));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(accepted).get("status").asString()).isEqualTo("ACCEPTED");

        assertProblem(
                editor.send("POST", base + "/entries/" + ref + "/hide", "{}", Map.of("If-Match", "\"0\"")), 412, null);
        assertProblem(editor.postJson(base + "/entries/" + ref + "/hide", "{\"version\": 0}"), 409, null);
        assertProblem(editor.postJson(base + "/entries/" + ref + "/hide", "{}"), 422, "version");
        assertThat(json(editor.get(base + "/entries/" + ref)).get("status").asString())
                .isEqualTo("ACCEPTED");

        assertThat(viewer.postJson(base + "/entries/" + ref + "/hide", "{\"version\": 1}")
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> noted = editor.postJson(base + "/entries/" + ref + "/notes", "{\"text\": \"first sign\"}");
        assertThat(json(noted).get("notes").findValuesAsString("text")).containsExactly("first sign");
    }

    @Test
    void refusesBadInputWithProblemsChangingNothing() {
        long before = rows();

        assertProblem(editor.postJson(base + "/entries", "{\"time\": \"soon\", \"text\": \"\"}"), 422, "time");
        assertProblem(
                editor.postJson(base + "/entries", "{\"time\": \"2026-03-02T10:00:00Z\", \"txt\": \"x\"}"), 400, null);
        assertProblem(editor.get(base + "?status=done"), 422, "status");
        assertProblem(editor.get(base + "?kind=BOGUS"), 422, "kind");
        assertProblem(
                editor.postJson(
                        base + "/entries/" + refs().getFirst() + "/key-moment", "{\"moment\": \"x\", \"version\": 0}"),
                422,
                "moment");
        assertThat(editor.get(base + "/entries/E99999.1").statusCode()).isEqualTo(404);
        assertProblem(editor.postJson(base + "/statements", "{\"text\": \"x\", \"times\": []}"), 422, "times");

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void markingAnEntryDetectedChangesTheIncidentsTimeToDetect() {
        String ref = refs().get(1);

        HttpResponse<String> marked =
                editor.postJson(base + "/entries/" + ref + "/key-moment", "{\"moment\": \"detected\", \"version\": 0}");

        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(json(marked).get("keyMoment").asString()).isEqualTo("DETECTED");
        JsonNode incident = json(editor.get("/api/v1/incidents/" + key));
        assertThat(incident.get("keyTimes").get("detectedAt").asString()).startsWith("2026-03-02T10:00:02");
    }

    @Test
    void exportsCsvThatParsesBackWithEveryFieldIntact() throws Exception {
        String ref = refs().getFirst();
        String tricky = "=HYPERLINK(\"x\"), then \"quoted\"\nand a second line";
        String body = JSON.writeValueAsString(Map.of("text", tricky, "version", 0));
        assertThat(editor.send("PUT", base + "/entries/" + ref, body, Map.of()).statusCode())
                .isEqualTo(200);
        editor.postJson(base + "/entries", "{\"time\": \"2026-03-02T10:30:00Z\", \"text\": \"Rolled back, finally\"}");

        HttpResponse<String> csv = editor.get("/api/v1/incidents/" + key + "/timeline.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body()))) {
            assertThat(parser.getHeaderNames()).isEqualTo(TimelineDocuments.CSV_HEADER);
            records = parser.getRecords();
        }
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get("ref")).isEqualTo(ref);
        assertThat(records.get(0).get("text")).isEqualTo("'" + tricky);
        assertThat(records.get(0).get("time_utc")).isEqualTo("2026-03-02T10:00:01Z");
        assertThat(records.get(0).get("status")).isEqualTo("proposed");
        assertThat(records.get(0).get("first_line")).isEqualTo("1");
        assertThat(records.get(2).get("text")).isEqualTo("Rolled back, finally");
        assertThat(records.get(2).get("kind")).isEqualTo("MANUAL");
    }

    @Test
    void exportsJsonAndMarkdownOfTheSameEntries() {
        String ref = refs().getFirst();
        editor.postJson(base + "/entries/" + ref + "/accept", "{\"version\": 0}");
        editor.postJson(base + "/statements", """
                {"text": "Saw | declines", "times": ["2026-03-02T10:01:00Z"], "linkedEntries": ["%s"],
                 "onTimeline": false}""".formatted(ref));

        JsonNode export = json(editor.get("/api/v1/incidents/" + key + "/timeline.json"));
        assertThat(export.get("incident").asString()).isEqualTo(key);
        assertThat(export.get("entries").findValuesAsString("ref")).isEqualTo(refs());
        assertThat(export.get("entries").get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(export.get("statements").get(0).get("linkedEntries").get(0).asString())
                .isEqualTo(ref);

        HttpResponse<String> md = editor.get("/api/v1/incidents/" + key + "/timeline.md?status=accepted");
        assertThat(md.statusCode()).isEqualTo(200);
        List<String> rows =
                md.body().lines().filter(l -> l.startsWith("| 2026-")).toList();
        assertThat(rows).singleElement().satisfies(r -> assertThat(r).contains("accepted"));
        assertThat(md.body()).contains("> Saw | declines").contains("Linked entries: " + ref);
    }

    @Test
    void keepsARestrictedIncidentsTimelineAndExportsFromOutsiders() {
        IncidentId secret = TimelineFixtures.incidentWithLog(
                incidents,
                evidence,
                editorActor,
                IncidentFixtures.with(timedIncident("Secret " + unique), "SEV2", "restricted", List.of(), List.of()));
        HttpSession outsider = session(TestUsers.create(accounts, "editor"));
        String path = "/api/v1/incidents/" + secret.key() + "/timeline";

        for (String p : List.of(path, path + ".csv", path + ".json", path + ".md", path + "/statements")) {
            assertThat(outsider.get(p).statusCode()).as(p).isEqualTo(404);
        }
        assertThat(editor.get(path + ".csv").body()).contains("payment declined");
    }
}
