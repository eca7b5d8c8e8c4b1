package dev.hindsight.blameless.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The blameless check over the JSON API, with an incident's people recognised by name. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BlamelessApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    HttpSession editor;

    @BeforeEach
    void setUp() {
        editor = HttpSession.withToken(
                "http://localhost:" + port,
                tokens.create(TestUsers.create(accounts, "editor"), "t").secret());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.builder().build().readTree(response.body());
    }

    @Test
    void flagsBlameWithAReasonAndASuggestion() {
        HttpResponse<String> response = editor.postJson("/api/v1/blameless-check", """
                {"text": "The deploy went out at 10:02.\\nAlice forgot to run the migration."}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("clean").asBoolean()).isFalse();
        JsonNode finding = body.get("findings").get(0);
        assertThat(finding.get("line").asInt()).isEqualTo(2);
        assertThat(finding.get("text").asString()).contains("forgot");
        assertThat(finding.get("reason").asString()).isNotBlank();
        assertThat(finding.get("suggestion").asString()).doesNotContain("Alice");
    }

    @Test
    void leavesSystemFailuresAlone() {
        JsonNode body = json(editor.postJson("/api/v1/blameless-check", """
                {"text": "The job failed to start because the disk was full."}"""));
        assertThat(body.get("clean").asBoolean()).isTrue();
    }

    @Test
    void recognisesTheIncidentsPeopleByName() {
        String key = json(editor.postJson("/api/v1/incidents", """
                        {"title": "Names", "severity": "SEV3", "commander": "admin"}""")).get("key").asString();
        String text = "{\"text\": \"Administrator deleted the production table.\", \"incident\": \"%s\"}";

        JsonNode withIncident = json(editor.postJson("/api/v1/blameless-check", text.formatted(key)));

        assertThat(withIncident.get("clean").asBoolean()).isFalse();
        assertThat(editor.postJson("/api/v1/blameless-check", text.formatted("INC-999999"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusesAnOversizedText() {
        String big = "a".repeat(200_001);
        assertThat(editor.postJson("/api/v1/blameless-check", "{\"text\": \"" + big + "\"}")
                        .statusCode())
                .isEqualTo(422);
    }
}
