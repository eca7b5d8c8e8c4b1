package dev.hindsight.reminders;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.Team;
import dev.hindsight.accounts.User;
import dev.hindsight.actions.ActionFilter;
import dev.hindsight.actions.ActionItem;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.actions.ActionSort;
import dev.hindsight.actions.ActionStatus;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentFilter;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.IncidentSort;
import dev.hindsight.incident.IncidentStatus;
import dev.hindsight.incident.Page;
import dev.hindsight.incident.PageRequest;
import dev.hindsight.incident.Visibility;
import dev.hindsight.notifications.Message;
import dev.hindsight.notifications.Notifications;
import dev.hindsight.notifications.Recipient;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.Role;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The follow-up jobs. "Today" is the application clock's date in UTC. Safe to run any number of times a day, on any
 * number of nodes: each message has a mark ({@code reminder:action:<id>:<day>}, {@code escalation:action:<id>:<due
 * date>}, {@code digest:user:<id>:<monday>}) written in the transaction that sends it.
 */
@Service
public class ActionFollowUp {

    /** The system reads every incident to decide; each message then goes only to people who may see it. */
    private static final Actor SYSTEM = new Actor(0L, "hindsight", Role.ADMIN);

    private static final List<ActionStatus> ACTIVE = List.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS);

    private final ActionItems actions;
    private final IncidentManagement incidents;
    private final Accounts accounts;
    private final Notifications notifications;
    private final Clock clock;
    private final int dueSoonDays;
    private final int escalateAfterDays;
    private final DayOfWeek digestDay;

    ActionFollowUp(
            ActionItems actions,
            IncidentManagement incidents,
            Accounts accounts,
            Notifications notifications,
            Clock clock,
            @Value("${hindsight.reminders.due-soon-days:3}") int dueSoonDays,
            @Value("${hindsight.reminders.escalate-after-days:7}") int escalateAfterDays,
            @Value("${hindsight.reminders.digest-day:MONDAY}") DayOfWeek digestDay) {
        this.actions = actions;
        this.incidents = incidents;
        this.accounts = accounts;
        this.notifications = notifications;
        this.clock = clock;
        this.dueSoonDays = dueSoonDays;
        this.escalateAfterDays = escalateAfterDays;
        this.digestDay = digestDay;
    }

    /** Today by the application clock, in UTC. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Reminds owners of active actions due within {@code due-soon-days} (or overdue), once a day per action, and
     * escalates actions overdue by {@code escalate-after-days} or more, once per due date, to the owning team's
     * members, or to the incident commander when there is no team (or it has no members).
     */
    @Scheduled(cron = "${hindsight.reminders.cron:0 0 * * * *}", zone = "UTC")
    @SchedulerLock(name = "action-reminders", lockAtMostFor = "PT30M")
    public FollowUpRun remind() {
        LocalDate today = today();
        int reminders = 0;
        int escalations = 0;
        Map<IncidentId, Optional<Incident>> cache = new HashMap<>();
        for (ActionItem action : activeActions(SYSTEM, false)) {
            if (action.dueDate() == null || action.dueDate().isAfter(today.plusDays(dueSoonDays))) {
                continue;
            }
            Incident incident = cache.computeIfAbsent(action.incidentId(), id -> incidents.find(SYSTEM, id))
                    .orElse(null);
            if (incident == null) {
                continue;
            }
            long daysLate = ChronoUnit.DAYS.between(action.dueDate(), today);
            if (action.ownerId() != null) {
                List<Recipient> owner = audience(incident, List.of(action.ownerId()));
                if (!owner.isEmpty()
                        && notifications.sendOnce(
                                "reminder:action:" + action.id().value() + ":" + today,
                                owner,
                                reminder(action, incident, daysLate))) {
                    reminders++;
                }
            }
            if (daysLate >= escalateAfterDays) {
                List<Recipient> escalateTo = audience(incident, escalationTargets(action, incident));
                if (!escalateTo.isEmpty()
                        && notifications.sendOnce(
                                "escalation:action:" + action.id().value() + ":" + action.dueDate(),
                                escalateTo,
                                escalation(action, incident, daysLate))) {
                    escalations++;
                }
            }
        }
        return new FollowUpRun(reminders, escalations, 0);
    }

    /**
     * On {@code digest-day} (Monday by default), sends each enabled user who wants it a digest of their open actions
     * and the unclosed incidents they are in, once per week; users with neither get nothing.
     */
    @Scheduled(cron = "${hindsight.reminders.digest-cron:0 30 * * * *}", zone = "UTC")
    @SchedulerLock(name = "weekly-digest", lockAtMostFor = "PT30M")
    public FollowUpRun sendDigests() {
        LocalDate today = today();
        if (today.getDayOfWeek() != digestDay) {
            return new FollowUpRun(0, 0, 0);
        }
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int digests = 0;
        for (User user : accounts.list()) {
            if (!user.enabled() || !notifications.preferences(user.id()).weeklyDigest()) {
                continue;
            }
            String mark = "digest:user:" + user.id() + ":" + week;
            if (notifications.sent(mark)) {
                continue;
            }
            Actor actor = new Actor(user.id(), user.username(), user.role());
            List<ActionItem> mine = activeActions(actor, true);
            List<Incident> involved = involvedIn(actor);
            if (mine.isEmpty() && involved.isEmpty()) {
                continue;
            }
            if (notifications.sendOnce(mark, List.of(Recipient.user(user.id())), digest(mine, involved, today))) {
                digests++;
            }
        }
        return new FollowUpRun(0, 0, digests);
    }

    private List<ActionItem> activeActions(Actor actor, boolean mine) {
        List<ActionItem> all = new ArrayList<>();
        ActionFilter filter = new ActionFilter(null, null, ACTIVE, List.of(), List.of(), false, null, mine, null);
        Page<ActionItem> page;
        int number = 0;
        do {
            page = actions.board(actor, filter, ActionSort.DUE, number++, ActionItems.MAX_PAGE_SIZE);
            all.addAll(page.items());
        } while (page.hasNext());
        return all;
    }

    private List<Incident> involvedIn(Actor actor) {
        IncidentFilter open = new IncidentFilter(
                List.of(
                        IncidentStatus.INVESTIGATING,
                        IncidentStatus.IDENTIFIED,
                        IncidentStatus.MONITORING,
                        IncidentStatus.RESOLVED),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null);
        List<Incident> involved = new ArrayList<>();
        Page<Incident> page;
        int number = 0;
        do {
            page = incidents.list(
                    actor, open, new PageRequest(number++, PageRequest.MAX_SIZE, IncidentSort.STARTED, true));
            page.items().stream().filter(i -> i.involves(actor.userId())).forEach(involved::add);
        } while (page.hasNext());
        return involved;
    }

    private List<Long> escalationTargets(ActionItem action, Incident incident) {
        if (action.teamId() != null) {
            List<Long> members =
                    accounts.team(action.teamId()).map(Team::memberIds).orElse(List.of());
            if (!members.isEmpty()) {
                return members;
            }
        }
        return incident.commander() == null
                ? List.of()
                : List.of(incident.commander().userId());
    }

    /** The users among {@code userIds} who are enabled and may see the incident. */
    private List<Recipient> audience(Incident incident, List<Long> userIds) {
        Set<Long> allowed = new LinkedHashSet<>();
        for (Long id : userIds) {
            accounts.actor(id).filter(incident::visibleTo).ifPresent(a -> allowed.add(a.userId()));
        }
        return allowed.stream().map(Recipient::user).toList();
    }

    private static Message reminder(ActionItem action, Incident incident, long daysLate) {
        String when = daysLate > 0
                ? "is overdue by " + days(daysLate)
                : daysLate == 0 ? "is due today" : "is due in " + days(-daysLate);
        String subject = "Action " + action.key() + " " + when + ": " + action.title();
        String text = subject + "\nIncident: " + incident.key() + " " + incident.title() + "\nDue: " + action.dueDate()
                + "\nStatus: " + action.status().label();
        return Message.of(daysLate > 0 ? "action-overdue" : "action-due-soon", subject, text, link(incident))
                .restricted(incident.visibility() != Visibility.NORMAL);
    }

    private static Message escalation(ActionItem action, Incident incident, long daysLate) {
        String subject =
                "Escalation: action " + action.key() + " is overdue by " + days(daysLate) + ": " + action.title();
        String text = subject + "\nIncident: " + incident.key() + " " + incident.title() + "\nOwner: "
                + (action.ownerName() == null ? "nobody" : action.ownerName())
                + (action.teamName() == null ? "" : "\nTeam: " + action.teamName()) + "\nDue: " + action.dueDate();
        return Message.of("action-escalated", subject, text, link(incident))
                .restricted(incident.visibility() != Visibility.NORMAL);
    }

    private static Message digest(List<ActionItem> mine, List<Incident> involved, LocalDate today) {
        long overdue = mine.stream().filter(a -> a.overdueOn(today)).count();
        StringBuilder text = new StringBuilder("Your week in Hindsight (" + today + ")\n\nYour open actions ("
                + mine.size() + ", " + overdue + " overdue):\n");
        for (ActionItem a : mine) {
            text.append("- ")
                    .append(a.key())
                    .append(' ')
                    .append(a.title())
                    .append(a.dueDate() == null ? "" : " (due " + a.dueDate() + ")")
                    .append(a.overdueOn(today) ? " OVERDUE" : "")
                    .append('\n');
        }
        text.append("\nIncidents you are in (").append(involved.size()).append("):\n");
        for (Incident i : involved) {
            text.append("- ")
                    .append(i.key())
                    .append(' ')
                    .append(i.title())
                    .append(" (")
                    .append(i.status().name().toLowerCase(java.util.Locale.ROOT))
                    .append(")\n");
        }
        String subject = "Weekly digest: " + mine.size() + " open actions (" + overdue + " overdue), " + involved.size()
                + " incidents";
        return Message.of("weekly-digest", subject, text.toString(), "/actions?mine=true")
                .restricted(true);
    }

    private static String link(Incident incident) {
        return "/incidents/" + incident.key();
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }
}
