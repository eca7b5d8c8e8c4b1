package dev.hindsight.reminders;

import static dev.hindsight.reminders.FollowUpFixtures.action;
import static dev.hindsight.reminders.FollowUpFixtures.incident;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.actions.ActionItem;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.notifications.InboxItem;
import dev.hindsight.notifications.Notifications;
import dev.hindsight.notifications.Preferences;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.ControlledTime;
import dev.hindsight.testing.MutableClock;
import dev.hindsight.testing.TestUsers;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reminder and escalation schedule, day by day on a controlled clock: who is told what, on which day, never
 * twice; the weekly digest; and restricted incidents.
 */
@ControlledTime
abstract class ActionFollowUpContract {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Autowired
    ActionFollowUp followUp;

    @Autowired
    ActionItems actions;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    Notifications notifications;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    Actor admin;
    Actor creator;
    Actor owner;
    Actor commander;
    Actor mate1;
    Actor mate2;
    String team;
    String unique;

    @BeforeEach
    void setUp() {
        at(MONDAY, 8);
        admin = TestUsers.admin(accounts);
        creator = TestUsers.create(accounts, "editor");
        owner = TestUsers.create(accounts, "editor");
        commander = TestUsers.create(accounts, "editor");
        mate1 = TestUsers.create(accounts, "viewer");
        mate2 = TestUsers.create(accounts, "viewer");
        unique = UUID.randomUUID().toString().substring(0, 8);
        team = "team-" + unique;
        accounts.createTeam(admin, team, null, List.of(mate1.userId(), mate2.userId()));
    }

    void at(LocalDate day, int hour) {
        clock.set(day.atTime(hour, 0).toInstant(ZoneOffset.UTC));
    }

    IncidentId newIncident(String visibility, List<String> participants) {
        return incidents
                .create(creator, incident("Follow-up " + unique, visibility, commander.username(), participants))
                .id();
    }

    List<String> inbox(Actor actor) {
        return notifications.inbox(actor, 500).stream()
                .map(InboxItem::subject)
                .toList()
                .reversed();
    }

    @Test
    void remindsOwnersDailyFromThreeDaysBeforeTheDueDateAndEscalatesOnceAfterSevenDaysLate() {
        IncidentId id = newIncident("normal", List.of());
        ActionItem withTeam = actions.add(creator, id, action("Add alert", owner.username(), team, "2026-03-10"));
        ActionItem noTeam = actions.add(creator, id, action("Fix config", owner.username(), null, "2026-03-05"));
        ActionItem done = actions.add(creator, id, action("Done already", owner.username(), team, "2026-03-04"));
        actions.changeStatus(creator, done.id(), "done", null, done.version());
        actions.add(creator, id, action("Far away", owner.username(), team, "2026-04-30"));
        ActionItem ownerless = actions.add(creator, id, action("Nobody's", null, null, "2026-03-03"));

        Map<LocalDate, List<String>> ownerByDay = new LinkedHashMap<>();
        Map<LocalDate, List<String>> mate1ByDay = new LinkedHashMap<>();
        Map<LocalDate, List<String>> commanderByDay = new LinkedHashMap<>();
        for (LocalDate day = MONDAY; !day.isAfter(MONDAY.plusDays(20)); day = day.plusDays(1)) {
            int ownerBefore = inbox(owner).size();
            int mateBefore = inbox(mate1).size();
            int commanderBefore = inbox(commander).size();
            at(day, 7);
            followUp.remind();
            clock.advance(Duration.ofHours(12));
            followUp.remind();
            ownerByDay.put(day, inbox(owner).subList(ownerBefore, inbox(owner).size()));
            mate1ByDay.put(day, inbox(mate1).subList(mateBefore, inbox(mate1).size()));
            commanderByDay.put(
                    day,
                    inbox(commander).subList(commanderBefore, inbox(commander).size()));
        }

        String a = withTeam.key();
        String b = noTeam.key();
        for (LocalDate day : ownerByDay.keySet()) {
            List<String> expected = new ArrayList<>();
            long lateA = day.toEpochDay() - LocalDate.of(2026, 3, 10).toEpochDay();
            long lateB = day.toEpochDay() - LocalDate.of(2026, 3, 5).toEpochDay();
            if (lateB >= -3) {
                expected.add("Action " + b + " " + when(lateB) + ": Fix config");
            }
            if (lateA >= -3) {
                expected.add("Action " + a + " " + when(lateA) + ": Add alert");
            }
            assertThat(ownerByDay.get(day)).as("owner on %s", day).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(ownerByDay.get(LocalDate.of(2026, 3, 6)))
                .containsExactly("Action " + b + " is overdue by 1 day: Fix config");
        assertThat(ownerByDay.get(LocalDate.of(2026, 3, 7)))
                .containsExactlyInAnyOrder(
                        "Action " + b + " is overdue by 2 days: Fix config",
                        "Action " + a + " is due in 3 days: Add alert");

        String escalationA = "Escalation: action " + a + " is overdue by 7 days: Add alert";
        String escalationB = "Escalation: action " + b + " is overdue by 7 days: Fix config";
        mate1ByDay.forEach((day, got) -> assertThat(got)
                .as("team member on %s", day)
                .isEqualTo(day.equals(LocalDate.of(2026, 3, 17)) ? List.of(escalationA) : List.of()));
        String escalationOwnerless = "Escalation: action " + ownerless.key() + " is overdue by 7 days: Nobody's";
        commanderByDay.forEach((day, got) -> assertThat(got)
                .as("commander on %s", day)
                .isEqualTo(
                        day.equals(LocalDate.of(2026, 3, 10))
                                ? List.of(escalationOwnerless)
                                : day.equals(LocalDate.of(2026, 3, 12)) ? List.of(escalationB) : List.of()));
        assertThat(inbox(mate2)).containsExactly(escalationA);
        assertThat(inbox(creator)).isEmpty();
    }

    private static String when(long late) {
        if (late > 0) {
            return "is overdue by " + late + (late == 1 ? " day" : " days");
        }
        return late == 0 ? "is due today" : "is due in " + (-late) + (late == -1 ? " day" : " days");
    }

    @Test
    void sendsNothingTwiceOnTheSameDayWhateverHowOftenItRuns() {
        IncidentId id = newIncident("normal", List.of());
        actions.add(creator, id, action("Late", owner.username(), team, "2026-02-01"));

        FollowUpRun first = followUp.remind();
        FollowUpRun again = followUp.remind();
        clock.advance(Duration.ofHours(15));
        FollowUpRun evening = followUp.remind();

        assertThat(first.reminders()).isGreaterThanOrEqualTo(1);
        assertThat(first.escalations()).isGreaterThanOrEqualTo(1);
        assertThat(again).isEqualTo(new FollowUpRun(0, 0, 0));
        assertThat(evening).isEqualTo(new FollowUpRun(0, 0, 0));
        assertThat(inbox(owner)).hasSize(1);
        assertThat(inbox(mate1)).hasSize(1);
    }

    @Test
    void tellsNobodyAboutARestrictedIncidentTheyMayNotSee() {
        IncidentId id = newIncident("restricted", List.of(mate1.username()));
        actions.add(creator, id, action("Secret fix", owner.username(), team, "2026-02-01"));

        followUp.remind();

        assertThat(inbox(owner))
                .as("the owner is not among the incident's people")
                .isEmpty();
        assertThat(inbox(mate1)).hasSize(1);
        assertThat(inbox(mate2)).as("a team member outside the incident").isEmpty();
    }

    @Test
    void sendsEachPersonOneWeeklyDigestOnMondays() {
        IncidentId id = newIncident("normal", List.of(mate1.username()));
        ActionItem open = actions.add(creator, id, action("Digest me", owner.username(), team, "2026-02-20"));
        notifications.savePreferences(mate2, new Preferences(true, true, false));

        followUp.sendDigests();
        followUp.sendDigests();
        at(MONDAY.plusDays(1), 8);
        followUp.sendDigests();

        List<InboxItem> ownerDigests = digests(owner);
        assertThat(ownerDigests).hasSize(1);
        assertThat(ownerDigests.getFirst().body()).contains(open.key() + " Digest me (due 2026-02-20) OVERDUE");
        assertThat(ownerDigests.getFirst().subject()).startsWith("Weekly digest: 1 open actions (1 overdue)");
        assertThat(digests(commander)).hasSize(1);
        assertThat(digests(commander).getFirst().body()).contains(id.key() + " Follow-up " + unique);
        assertThat(digests(mate1)).as("a participant").hasSize(1);
        assertThat(digests(mate2)).as("turned the digest off").isEmpty();

        at(MONDAY.plusDays(7), 8);
        followUp.sendDigests();
        assertThat(digests(owner)).hasSize(2);
    }

    List<InboxItem> digests(Actor actor) {
        return notifications.inbox(actor, 100).stream()
                .filter(i -> i.type().equals("weekly-digest"))
                .toList();
    }
}
