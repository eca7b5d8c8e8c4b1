package dev.hindsight.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.notifications.internal.OutboxDelivery;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.testing.ControlledTime;
import dev.hindsight.testing.MutableClock;
import dev.hindsight.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The inbox, preferences, send-once marks, and webhook delivery with signatures, retries and the log. */
@ControlledTime
abstract class NotificationsContract {

    static final String SECRET = "a-webhook-secret-of-some-length";

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Actor admin;
    Actor alice;
    Actor bob;
    String unique;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        jdbc.sql("delete from webhooks").update();
        jdbc.sql("delete from notification_outbox").update();
        admin = TestUsers.admin(accounts);
        alice = TestUsers.create(accounts, "editor");
        bob = TestUsers.create(accounts, "viewer");
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    List<String> subjects(Actor actor) {
        return notifications.inbox(actor, 100).stream().map(InboxItem::subject).toList();
    }

    @Test
    void putsAMessageInTheInboxOfTheUserAndOfEachTeamMemberOnce() {
        var team = accounts.createTeam(admin, "team-" + unique, null, List.of(alice.userId(), bob.userId()));

        List<Long> reached = notifications.send(
                List.of(Recipient.user(alice.userId()), Recipient.team(team.id())),
                Message.of("test", "Hello " + unique, "Body", "/incidents"));

        assertThat(reached).containsExactly(alice.userId(), bob.userId());
        assertThat(subjects(alice)).containsExactly("Hello " + unique);
        assertThat(subjects(bob)).containsExactly("Hello " + unique);
        assertThat(notifications.unreadCount(alice)).isEqualTo(1);
    }

    @Test
    void marksItemsReadOnlyForTheirOwner() {
        notifications.send(List.of(Recipient.user(alice.userId())), Message.of("test", "One", "x", null));
        notifications.send(List.of(Recipient.user(alice.userId())), Message.of("test", "Two", "x", null));
        long first = notifications.inbox(alice, 10).get(1).id();

        assertThatThrownBy(() -> notifications.markRead(bob, first)).isInstanceOf(NotFoundException.class);
        assertThat(notifications.unreadCount(alice)).isEqualTo(2);

        notifications.markRead(alice, first);
        assertThat(notifications.unreadCount(alice)).isEqualTo(1);
        notifications.markAllRead(alice);
        assertThat(notifications.unreadCount(alice)).isZero();
    }

    @Test
    void respectsAUserWhoTurnedTheInboxOff() {
        assertThat(notifications.preferences(bob.userId())).isEqualTo(Preferences.DEFAULTS);
        notifications.savePreferences(bob, new Preferences(false, true, false));

        List<Long> reached = notifications.send(
                List.of(Recipient.user(alice.userId()), Recipient.user(bob.userId())),
                Message.of("test", "Quiet", "x", null));

        assertThat(reached).containsExactly(alice.userId());
        assertThat(subjects(bob)).isEmpty();
        assertThat(notifications.preferences(bob.userId())).isEqualTo(new Preferences(false, true, false));
    }

    @Test
    void sendsAMarkedMessageOnlyOnce() {
        String mark = "test:" + unique;
        Message message = Message.of("test", "Once " + unique, "x", null);

        assertThat(notifications.sendOnce(mark, List.of(Recipient.user(alice.userId())), message))
                .isTrue();
        assertThat(notifications.sendOnce(mark, List.of(Recipient.user(alice.userId())), message))
                .isFalse();

        assertThat(subjects(alice)).containsExactly("Once " + unique);
        assertThat(notifications.sent(mark)).isTrue();
    }

    @Test
    void refusesBadWebhooksAndNonAdmins() {
        assertThatThrownBy(() -> notifications.addWebhook(alice, "x", "https://example.org", SECRET))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> notifications.addWebhook(admin, " ", "ftp://example.org", "short"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(f -> f.field())
                                .containsExactly("name", "url", "secret"));
        assertThat(notifications.webhooks(admin)).isEmpty();
    }

    @Test
    void signsEachWebhookCallSoTheReceiverCanCheckIt() {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            notifications.addWebhook(admin, "chat", receiver.url(), SECRET);
            notifications.send(
                    List.of(Recipient.user(alice.userId())), Message.of("test", "Signed " + unique, "Ünïcode ✓", "/x"));

            assertThat(delivery.deliverDue()).isEqualTo(1);

            assertThat(receiver.received).hasSize(1);
            var call = receiver.received.getFirst();
            assertThat(call.signatureValid()).as(call.signature()).isTrue();
            assertThat(call.event()).isEqualTo("test");
            JsonNode body = JsonMapper.builder().build().readTree(call.body());
            assertThat(body.get("subject").asString()).isEqualTo("Signed " + unique);
            assertThat(body.get("text").asString()).isEqualTo("Ünïcode ✓");
            assertThat(body.get("delivery").asString()).isEqualTo(call.deliveryId());
            Delivery logged = notifications.deliveries(admin, 10).getFirst();
            assertThat(logged.deliveryId()).isEqualTo(call.deliveryId());
            assertThat(logged.status()).isEqualTo("SENT");
            assertThat(logged.attempts()).isEqualTo(1);
            assertThat(logged.lastStatus()).isEqualTo(200);
        }
    }

    @Test
    void neverSendsRestrictedMessagesToWebhooks() {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            notifications.addWebhook(admin, "chat", receiver.url(), SECRET);
            notifications.send(
                    List.of(Recipient.user(alice.userId())),
                    Message.of("test", "Secret", "x", null).restricted(true));

            assertThat(delivery.deliverDue()).isZero();
            assertThat(receiver.received).isEmpty();
            assertThat(notifications.deliveries(admin, 10)).isEmpty();
            assertThat(subjects(alice)).containsExactly("Secret");
        }
    }

    @Test
    void retriesServerErrorsAndTimeoutsWithExponentialBackoffThenSucceeds() {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 500, 503, -1)) {
            notifications.addWebhook(admin, "flaky", receiver.url(), SECRET);
            notifications.send(List.of(), Message.of("test", "Retry " + unique, "x", null));
            Instant start = clock.instant();

            assertThat(delivery.deliverDue()).isZero();
            Delivery first = notifications.deliveries(admin, 1).getFirst();
            assertThat(first.status()).isEqualTo("PENDING");
            assertThat(first.lastStatus()).isEqualTo(500);
            assertThat(first.lastError()).isEqualTo("HTTP 500");
            assertThat(first.nextAttemptAt().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(1)));

            assertThat(delivery.deliverDue()).as("not due yet").isZero();
            assertThat(receiver.received).hasSize(1);

            clock.advance(Duration.ofMinutes(1));
            assertThat(delivery.deliverDue()).isZero();
            Delivery second = notifications.deliveries(admin, 1).getFirst();
            assertThat(second.attempts()).isEqualTo(2);
            assertThat(second.lastStatus()).isEqualTo(503);
            assertThat(second.nextAttemptAt().toInstant())
                    .isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

            clock.advance(Duration.ofMinutes(2));
            assertThat(delivery.deliverDue()).isZero();
            Delivery third = notifications.deliveries(admin, 1).getFirst();
            assertThat(third.attempts()).isEqualTo(3);
            assertThat(third.lastError()).startsWith("timed out");
            assertThat(third.nextAttemptAt().toInstant())
                    .isEqualTo(clock.instant().plus(Duration.ofMinutes(4)));

            clock.advance(Duration.ofMinutes(4));
            assertThat(delivery.deliverDue()).isEqualTo(1);
            Delivery done = notifications.deliveries(admin, 1).getFirst();
            assertThat(done.status()).isEqualTo("SENT");
            assertThat(done.attempts()).isEqualTo(4);
            assertThat(receiver.received).hasSize(4);
            assertThat(receiver.received)
                    .extracting(WebhookReceiver.Received::deliveryId)
                    .as("every retry carries the same delivery id")
                    .containsOnly(done.deliveryId());
            assertThat(receiver.received).allMatch(WebhookReceiver.Received::signatureValid);
        }
    }

    @Test
    void givesUpAtOnceWhenTheReceiverRefusesTheRequest() {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 404)) {
            notifications.addWebhook(admin, "gone", receiver.url(), SECRET);
            notifications.send(List.of(), Message.of("test", "Refused", "x", null));

            delivery.deliverDue();
            clock.advance(Duration.ofDays(1));
            delivery.deliverDue();

            Delivery logged = notifications.deliveries(admin, 1).getFirst();
            assertThat(logged.status()).isEqualTo("FAILED");
            assertThat(logged.attempts()).isEqualTo(1);
            assertThat(logged.lastError()).isEqualTo("HTTP 404");
            assertThat(receiver.received).hasSize(1);
        }
    }

    @Test
    void doublesTheWaitAfterEachFailureUpToTwelveHours() {
        Duration base = Duration.ofMinutes(1);
        assertThat(OutboxDelivery.backoff(base, 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxDelivery.backoff(base, 2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(OutboxDelivery.backoff(base, 5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(OutboxDelivery.backoff(base, 30)).isEqualTo(Duration.ofHours(12));
    }
}
