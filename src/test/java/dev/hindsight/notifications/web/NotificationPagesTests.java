package dev.hindsight.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.notifications.Message;
import dev.hindsight.notifications.Notifications;
import dev.hindsight.notifications.Preferences;
import dev.hindsight.notifications.Recipient;
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

/** The inbox, its unread count, preferences and the admin delivery page over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NotificationPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Notifications notifications;

    Actor editor;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void showsTheUnreadCountAndMarksItemsRead() {
        String subject = "Page test " + UUID.randomUUID();
        notifications.send(List.of(Recipient.user(editor.userId())), Message.of("test", subject, "x", "/actions"));
        HttpSession session = HttpSession.login(base(), editor.username(), TestUsers.PASSWORD);

        assertThat(session.get("/incidents").body()).contains("/inbox/count");
        assertThat(session.get("/inbox/count").body()).contains("id=\"unread-count\">1<");
        assertThat(session.get("/inbox").body()).contains(subject);
        long id = notifications.inbox(editor, 1).getFirst().id();
        String csrf = session.csrfFrom("/inbox");

        HttpResponse<String> read = session.postForm("/inbox/" + id + "/read", Map.of("_csrf", csrf));

        assertThat(read.statusCode()).isEqualTo(302);
        assertThat(session.get("/inbox/count").body()).isEqualTo("Inbox");
        HttpResponse<String> prefs = session.postForm("/inbox/preferences", Map.of("inApp", "true", "_csrf", csrf));
        assertThat(prefs.statusCode()).isEqualTo(302);
        assertThat(notifications.preferences(editor.userId())).isEqualTo(new Preferences(true, false, false));
    }

    @Test
    void showsTheDeliveryLogToAdminsOnly() {
        HttpSession editorSession = HttpSession.login(base(), editor.username(), TestUsers.PASSWORD);
        assertThat(editorSession.get("/admin/notifications").statusCode()).isEqualTo(403);

        HttpSession admin = HttpSession.login(base(), "admin", TestUsers.ADMIN_PASSWORD);
        HttpResponse<String> page = admin.get("/admin/notifications");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Delivery log").contains("Webhooks");
    }
}
