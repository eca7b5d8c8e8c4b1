package dev.hindsight.meetings.web;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentForm;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.meetings.Meetings;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The meeting section, its forms and the .ics download over real HTTP with form login. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MeetingPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    Meetings meetings;

    @Autowired
    ApiTokens tokens;

    Actor editor;
    Actor commander;
    Actor outsider;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
        commander = TestUsers.create(accounts, "editor");
        outsider = TestUsers.create(accounts, "viewer");
    }

    IncidentId incident(String visibility) {
        IncidentForm f = IncidentFixtures.sev2(
                "Meeting page " + UUID.randomUUID().toString().substring(0, 8));
        return incidents
                .create(
                        editor,
                        new IncidentForm(
                                f.title(),
                                f.summary(),
                                f.severity(),
                                f.status(),
                                visibility,
                                f.services(),
                                f.impactDescription(),
                                f.usersAffected(),
                                f.errorBudgetConsumed(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                commander.username(),
                                List.of(),
                                f.tags(),
                                f.links(),
                                f.customFields()))
                .id();
    }

    HttpSession login(Actor actor) {
        return HttpSession.login("http://localhost:" + port, actor.username(), TestUsers.PASSWORD);
    }

    @Test
    void schedulesFromTheIncidentPageAndDownloadsTheInvitation() {
        IncidentId id = incident("normal");
        String base = "/incidents/" + id.key();
        HttpSession session = login(editor);
        assertThat(session.get(base).body()).contains(base + "/meeting-fragment");
        String empty = session.get(base + "/meeting-fragment").body();
        assertThat(empty).contains("No postmortem meeting scheduled yet.").contains("Walk the timeline");
        String csrf = session.csrfFrom(base);

        HttpResponse<String> scheduled = session.postForm(
                base + "/meeting",
                Map.of("startsAt", "2026-03-10T14:00", "durationMinutes", "45", "location", "Room 7", "_csrf", csrf));

        assertThat(scheduled.statusCode()).isEqualTo(302);
        String fragment = session.get(base + "/meeting-fragment").body();
        assertThat(fragment).contains("Scheduled").contains("Room 7").contains(commander.username());
        HttpResponse<String> ics = session.get(base + "/meeting.ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        assertThat(ics.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment", id.key() + "-postmortem.ics"));
        ICalendar calendar = Biweekly.parse(ics.body()).first();
        assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
        assertThat(calendar.getEvents().getFirst().getUid().getValue())
                .isEqualTo(meetings.get(editor, id).uid());

        int version = meetings.get(editor, id).version();
        HttpResponse<String> notes = session.postForm(
                base + "/meeting/notes",
                Map.of(
                        "notes",
                        "We walked it",
                        "decisions",
                        "Alert",
                        "version",
                        String.valueOf(version),
                        "_csrf",
                        csrf));
        assertThat(notes.statusCode()).isEqualTo(302);
        assertThat(meetings.get(editor, id).notes()).isEqualTo("We walked it");
    }

    @Test
    void schedulesReschedulesAndCancelsThroughTheApiWithVersions() {
        IncidentId id = incident("normal");
        String path = "/api/v1/incidents/" + id.key() + "/meeting";
        HttpSession api = HttpSession.withToken(
                "http://localhost:" + port, tokens.create(editor, "meeting").secret());
        String body = """
                {"startsAt": "%s", "durationMinutes": 30, "location": "Room 2"}""";

        HttpResponse<String> first = api.send("PUT", path, body.formatted("2026-03-10T14:00:00Z"), Map.of());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).contains("\"0\"");
        assertThat(first.body()).contains("\"sequence\":0").contains("\"invitees\":[\"" + commander.username());

        HttpResponse<String> moved =
                api.send("PUT", path, body.formatted("2026-03-11T14:00:00Z"), Map.of("If-Match", "\"0\""));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.body()).contains("\"sequence\":1");
        HttpResponse<String> stale =
                api.send("PUT", path, body.formatted("2026-03-12T14:00:00Z"), Map.of("If-Match", "\"0\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        HttpResponse<String> bad = api.send("PUT", path, body.formatted("soon"), Map.of("If-Match", "\"1\""));
        assertThat(bad.statusCode()).isEqualTo(422);

        assertThat(api.get(path + "/agenda").body()).contains("Walk the timeline");
        HttpResponse<String> cancelled = api.send("POST", path + "/cancel", "{}", Map.of("If-Match", "\"1\""));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"status\":\"cancelled\"").contains("\"sequence\":2");

        HttpSession commanderApi = HttpSession.withToken(
                "http://localhost:" + port, tokens.create(commander, "inbox").secret());
        assertThat(commanderApi.get("/api/v1/notifications").body())
                .contains("Invitation: postmortem meeting for " + id.key())
                .contains("Cancelled: postmortem meeting for " + id.key());
    }

    @Test
    void hidesTheMeetingOfARestrictedIncidentFromOutsiders() {
        IncidentId id = incident("restricted");
        HttpSession session = login(editor);
        String csrf = session.csrfFrom("/incidents/" + id.key());
        session.postForm("/incidents/" + id.key() + "/meeting", Map.of("startsAt", "2026-03-10T14:00", "_csrf", csrf));
        assertThat(session.get("/incidents/" + id.key() + "/meeting.ics").statusCode())
                .isEqualTo(200);

        HttpSession other = login(outsider);
        assertThat(other.get("/incidents/" + id.key() + "/meeting.ics").statusCode())
                .isEqualTo(404);
        assertThat(other.get("/incidents/" + id.key() + "/meeting-fragment").statusCode())
                .isEqualTo(404);
    }
}
