package dev.hindsight.reminders;

import static dev.hindsight.reminders.FollowUpFixtures.action;
import static dev.hindsight.reminders.FollowUpFixtures.incident;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.HindsightApplication;
import dev.hindsight.accounts.Accounts;
import dev.hindsight.actions.ActionItem;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.notifications.Message;
import dev.hindsight.notifications.Notifications;
import dev.hindsight.notifications.Recipient;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.ControlledClockConfiguration;
import dev.hindsight.testing.EmbeddedPostgresServer;
import dev.hindsight.testing.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one PostgreSQL database run the reminder job at the same moment, several times: every
 * reminder and escalation goes out exactly once, whichever node sends it.
 */
class ReminderMultiNodeTests {

    private static final int ACTIONS = 12;
    private static final int ROUNDS = 4;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws Exception {
        String url = EmbeddedPostgresServer.newDatabase();
        Path dir = Files.createTempDirectory("hindsight-reminder-nodes");
        nodeA = start(url, dir.resolve("a"));
        nodeB = start(url, dir.resolve("b"));
    }

    private static ConfigurableApplicationContext start(String url, Path dataDir) {
        return new SpringApplicationBuilder(HindsightApplication.class, ControlledClockConfiguration.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--hindsight.data-dir=" + dataDir);
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

    private static <T> List<T> concurrently(Callable<T> onA, Callable<T> onB, int rounds) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2 * rounds)) {
            for (int i = 0; i < rounds; i++) {
                futures.add(threads.submit(() -> {
                    go.await();
                    return onA.call();
                }));
                futures.add(threads.submit(() -> {
                    go.await();
                    return onB.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    @Test
    void sendsEachReminderAndEscalationExactlyOnceThoughBothNodesRunTheJobAtOnce() throws Exception {
        Accounts accounts = nodeA.getBean(Accounts.class);
        Actor admin = TestUsers.admin(accounts);
        Actor editor = TestUsers.create(accounts, "editor");
        Actor owner = TestUsers.create(accounts, "editor");
        Actor mate = TestUsers.create(accounts, "viewer");
        accounts.createTeam(admin, "nodes-team", null, List.of(mate.userId()));
        IncidentId id = nodeA.getBean(IncidentManagement.class)
                .create(editor, incident("Two nodes", "normal", editor.username(), List.of()))
                .id();
        List<ActionItem> added = new ArrayList<>();
        for (int i = 0; i < ACTIONS; i++) {
            added.add(nodeA.getBean(ActionItems.class)
                    .add(editor, id, action("Late #" + i, owner.username(), "nodes-team", "2026-02-01")));
        }
        ActionFollowUp onA = nodeA.getBean(ActionFollowUp.class);
        ActionFollowUp onB = nodeB.getBean(ActionFollowUp.class);

        List<FollowUpRun> runs = concurrently(onA::remind, onB::remind, ROUNDS);

        int reminders = runs.stream()
                .filter(r -> r != null)
                .mapToInt(FollowUpRun::reminders)
                .sum();
        int escalations = runs.stream()
                .filter(r -> r != null)
                .mapToInt(FollowUpRun::escalations)
                .sum();
        assertThat(reminders).isEqualTo(ACTIONS);
        assertThat(escalations).isEqualTo(ACTIONS);
        JdbcClient jdbc = nodeB.getBean(JdbcClient.class);
        for (ActionItem a : added) {
            assertThat(jdbc.sql("select count(*) from notifications where user_id = ? and subject like ?")
                            .params(owner.userId(), "Action " + a.key() + " is overdue%")
                            .query(Long.class)
                            .single())
                    .as("reminders of %s", a.key())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from notifications where user_id = ? and subject like ?")
                            .params(mate.userId(), "Escalation: action " + a.key() + " %")
                            .query(Long.class)
                            .single())
                    .as("escalations of %s", a.key())
                    .isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'action-reminders'")
                        .query(Long.class)
                        .single())
                .as("the job ran under its lock row")
                .isEqualTo(1);
    }

    @Test
    void letsOnlyOneNodeSendAMarkedMessageEvenWithoutTheJobLock() throws Exception {
        Actor someone = TestUsers.create(nodeA.getBean(Accounts.class), "viewer");
        Message message = Message.of("test", "Marked once", "x", null);
        List<Recipient> to = List.of(Recipient.user(someone.userId()));
        Notifications a = nodeA.getBean(Notifications.class);
        Notifications b = nodeB.getBean(Notifications.class);

        List<Boolean> sent =
                concurrently(() -> a.sendOnce("race:1", to, message), () -> b.sendOnce("race:1", to, message), 8);

        assertThat(sent).filteredOn(s -> s).hasSize(1);
        assertThat(a.inbox(someone, 10)).hasSize(1);
    }
}
