package dev.hindsight.timeline.web;

import static dev.hindsight.timeline.TimelineFixtures.timedIncident;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import dev.hindsight.timeline.EntryStatus;
import dev.hindsight.timeline.IncidentTimeline;
import dev.hindsight.timeline.TimelineEntry;
import dev.hindsight.timeline.TimelineFilter;
import dev.hindsight.timeline.TimelineFixtures;
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

/** The timeline page and its htmx row actions over real HTTP with a form login. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TimelinePagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    EvidenceCollection evidence;

    @Autowired
    IncidentTimeline timeline;

    Actor editor;
    HttpSession session;
    IncidentId incident;
    String page;
    String csrf;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
        session = HttpSession.login("http://localhost:" + port, editor.username(), TestUsers.PASSWORD);
        incident = TimelineFixtures.incidentWithLog(
                incidents, evidence, editor, timedIncident("Pages " + UUID.randomUUID()));
        page = "/incidents/" + incident.key() + "/timeline";
        csrf = session.csrfFrom(page);
    }

    List<TimelineEntry> entries() {
        return timeline.entries(editor, incident, TimelineFilter.DEFAULT);
    }

    @Test
    void groupsEntriesBySourceOrKindAndFiltersByStatus() {
        assertThat(session.get(page + "?group=source").body()).contains("<span>checkout.log</span>");
        assertThat(session.get(page + "?group=kind").body()).contains("<span>LOG_NEW_TEMPLATE</span>");
        String hidden = session.get(page + "?status=hidden").body();
        assertThat(hidden).contains("id=\"timeline-empty\"");

        HttpResponse<String> bad = session.get(page + "?status=gone");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("is not one of proposed, accepted, hidden, merged, all");
    }

    @Test
    void rowActionsAnswerWithTheRowAndStaleOnesWithTheSavedEntryAndAConflict() {
        String ref = entries().getFirst().ref();
        String path = page + "/entries/" + ref;

        HttpResponse<String> accepted = session.postForm(path + "/accept", Map.of("version", "0", "_csrf", csrf));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).startsWith("<tr").contains("status-accepted");

        HttpResponse<String> stale = session.postForm(path + "/hide", Map.of("version", "0", "_csrf", csrf));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed by someone else").contains("status-accepted");

        HttpResponse<String> badMoment =
                session.postForm(path + "/key-moment", Map.of("version", "1", "moment", "noticed", "_csrf", csrf));
        assertThat(badMoment.statusCode()).isEqualTo(422);
        assertThat(badMoment.body()).contains("Not changed: moment");
        assertThat(timeline.entry(editor, incident, ref).status()).isEqualTo(EntryStatus.ACCEPTED);
        assertThat(timeline.entry(editor, incident, ref).keyMoment()).isNull();

        HttpResponse<String> marked =
                session.postForm(path + "/key-moment", Map.of("version", "1", "moment", "detected", "_csrf", csrf));
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(marked.headers().firstValue("HX-Trigger")).hasValue("timeline-changed");
    }

    @Test
    void addsAManualEntryTypedInLocalTimeAndRefusesABlankOne() {
        HttpResponse<String> blank =
                session.postForm(page + "/entries", Map.of("time", "2026-03-02T10:10", "text", " ", "_csrf", csrf));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("text must not be blank");
        assertThat(entries()).noneMatch(e -> e.origin().equals("manual"));

        HttpResponse<String> ok = session.postForm(
                page + "/entries", Map.of("time", "2026-03-02T10:10", "text", "Paged payments", "_csrf", csrf));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("HX-Trigger")).hasValue("timeline-changed");
        assertThat(entries())
                .filteredOn(e -> e.origin().equals("manual"))
                .singleElement()
                .satisfies(e -> assertThat(e.at().toString()).isEqualTo("2026-03-02T10:10Z"));
    }
}
