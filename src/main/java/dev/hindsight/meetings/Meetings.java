package dev.hindsight.meetings;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.User;
import dev.hindsight.actions.ActionItem;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.actions.ActionPlan;
import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.FiveWhys;
import dev.hindsight.analysis.FiveWhysAnalysis;
import dev.hindsight.analysis.WhyNode;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.Participant;
import dev.hindsight.incident.Visibility;
import dev.hindsight.meetings.internal.InvitationCalendar;
import dev.hindsight.notifications.Attachment;
import dev.hindsight.notifications.Message;
import dev.hindsight.notifications.Notifications;
import dev.hindsight.notifications.Recipient;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meetings module's API. Every change is checked (editors only; a meeting of an incident the actor may not see
 * is a {@link NotFoundException}), versioned ({@link ConflictException} on a stale version), audited on the incident,
 * and announced to the invitees with an iCalendar invitation in the same transaction.
 */
@Service
public class Meetings {

    static final int MAX_TEXT = 20_000;
    static final int MAX_LOCATION = 500;
    static final int MAX_INVITEES = 200;
    private static final DateTimeFormatter HUMAN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH);

    private final JdbcClient jdbc;
    private final IncidentManagement incidents;
    private final Accounts accounts;
    private final FiveWhysAnalysis fiveWhys;
    private final ActionItems actions;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Clock clock;
    private final String fallbackEmail;

    Meetings(
            JdbcClient jdbc,
            IncidentManagement incidents,
            Accounts accounts,
            FiveWhysAnalysis fiveWhys,
            ActionItems actions,
            AuditTrail audit,
            Notifications notifications,
            Clock clock,
            @Value("${hindsight.notifications.mail-from:hindsight@localhost}") String fallbackEmail) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.accounts = accounts;
        this.fiveWhys = fiveWhys;
        this.actions = actions;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
        this.fallbackEmail = fallbackEmail;
    }

    /** The incident's meeting, if one was ever scheduled. {@link NotFoundException} for a hidden incident. */
    public Optional<Meeting> find(Actor actor, IncidentId incidentId) {
        incidents.get(actor, incidentId);
        return load(incidentId);
    }

    /** The incident's meeting; {@link NotFoundException} when there is none. */
    public Meeting get(Actor actor, IncidentId incidentId) {
        return find(actor, incidentId)
                .orElseThrow(() -> new NotFoundException("No meeting scheduled for " + incidentId.key()));
    }

    /**
     * Schedules the meeting, or reschedules it (keeping its UID and adding one to its SEQUENCE; {@code
     * expectedVersion} is then required), and sends the invitation to every invitee. People dropped from the
     * invitees get a cancellation. {@link InvalidInputException} listing every broken rule, among them invitees
     * who may not see a restricted incident.
     */
    @Transactional
    public Meeting schedule(Actor actor, IncidentId incidentId, MeetingForm form, Integer expectedVersion) {
        actor.require(Role.EDITOR);
        Incident incident = incidents.get(actor, incidentId);
        Optional<Meeting> existing = load(incidentId);
        existing.ifPresent(m -> checkVersion(m, expectedVersion));
        Valid valid = validate(incident, form, actor);
        OffsetDateTime now = now();
        long id;
        if (existing.isEmpty()) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into meetings (incident_id, uid, sequence, status, starts_at, duration_minutes, location,"
                            + " video_url, facilitator_id, organizer_id, created_at, updated_at, version)"
                            + " values (?, ?, 0, 'SCHEDULED', ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                    .params(
                            incidentId.value(),
                            UUID.randomUUID() + "@hindsight",
                            valid.startsAt(),
                            valid.duration(),
                            valid.location(),
                            valid.videoUrl(),
                            valid.facilitatorId(),
                            actor.userId(),
                            now,
                            now)
                    .update(keys, "id");
            id = keys.getKey().longValue();
        } else {
            Meeting before = existing.get();
            id = before.id();
            int updated = jdbc.sql("update meetings set sequence = sequence + 1, status = 'SCHEDULED', starts_at = ?,"
                            + " duration_minutes = ?, location = ?, video_url = ?, facilitator_id = ?,"
                            + " updated_at = ?, version = version + 1 where id = ? and version = ?")
                    .params(
                            valid.startsAt(),
                            valid.duration(),
                            valid.location(),
                            valid.videoUrl(),
                            valid.facilitatorId(),
                            now,
                            id,
                            before.version())
                    .update();
            if (updated == 0) {
                throw stale(incidentId);
            }
            jdbc.sql("delete from meeting_invitees where meeting_id = ?")
                    .param(id)
                    .update();
        }
        for (Long userId : valid.invitees()) {
            jdbc.sql("insert into meeting_invitees (meeting_id, user_id) values (?, ?)")
                    .params(id, userId)
                    .update();
        }
        Meeting after = load(incidentId).orElseThrow();
        audit.record(
                incidentId.value(),
                actor,
                existing.isEmpty() ? "meeting-scheduled" : "meeting-rescheduled",
                (existing.isEmpty() ? "Scheduled" : "Rescheduled") + " the postmortem meeting for "
                        + HUMAN.format(after.startsAt()) + " with "
                        + after.invitees().size() + " invitees",
                diff(existing.orElse(null), after));
        invite(incident, after, after.invitees());
        if (existing.isPresent()) {
            Set<Long> still = after.invitees().stream().map(Invitee::userId).collect(Collectors.toSet());
            List<Invitee> dropped = existing.get().invitees().stream()
                    .filter(i -> !still.contains(i.userId()))
                    .toList();
            if (!dropped.isEmpty() && !existing.get().cancelled()) {
                Meeting forDropped = withStatus(after, MeetingStatus.CANCELLED, dropped);
                invite(incident, forDropped, dropped);
            }
        }
        return after;
    }

    /** Cancels the meeting (SEQUENCE + 1) and sends the cancellation to every invitee. */
    @Transactional
    public Meeting cancel(Actor actor, IncidentId incidentId, int expectedVersion) {
        actor.require(Role.EDITOR);
        Incident incident = incidents.get(actor, incidentId);
        Meeting before = get(actor, incidentId);
        checkVersion(before, expectedVersion);
        if (before.cancelled()) {
            throw new InvalidInputException("status", "the meeting is already cancelled");
        }
        int updated = jdbc.sql("update meetings set sequence = sequence + 1, status = 'CANCELLED', updated_at = ?,"
                        + " version = version + 1 where id = ? and version = ?")
                .params(now(), before.id(), expectedVersion)
                .update();
        if (updated == 0) {
            throw stale(incidentId);
        }
        Meeting after = load(incidentId).orElseThrow();
        audit.record(
                incidentId.value(),
                actor,
                "meeting-cancelled",
                "Cancelled the postmortem meeting of " + HUMAN.format(before.startsAt()),
                List.of(new FieldChange("status", "scheduled", "cancelled")));
        invite(incident, after, after.invitees());
        return after;
    }

    /** Records the meeting's notes and decisions on the incident (audited). */
    @Transactional
    public Meeting recordNotes(
            Actor actor, IncidentId incidentId, String notes, String decisions, int expectedVersion) {
        actor.require(Role.EDITOR);
        Meeting before = get(actor, incidentId);
        checkVersion(before, expectedVersion);
        List<FieldError> errors = new ArrayList<>();
        String n = trim(notes);
        String d = trim(decisions);
        if (n != null && n.length() > MAX_TEXT) {
            errors.add(new FieldError("notes", "at most " + MAX_TEXT + " characters"));
        }
        if (d != null && d.length() > MAX_TEXT) {
            errors.add(new FieldError("decisions", "at most " + MAX_TEXT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int updated = jdbc.sql("update meetings set notes = ?, decisions = ?, updated_at = ?, version = version + 1"
                        + " where id = ? and version = ?")
                .params(n, d, now(), before.id(), expectedVersion)
                .update();
        if (updated == 0) {
            throw stale(incidentId);
        }
        Meeting after = load(incidentId).orElseThrow();
        List<FieldChange> changes = new ArrayList<>();
        if (!Objects.equals(before.notes(), after.notes())) {
            changes.add(new FieldChange("notes", before.notes(), after.notes()));
        }
        if (!Objects.equals(before.decisions(), after.decisions())) {
            changes.add(new FieldChange("decisions", before.decisions(), after.decisions()));
        }
        audit.record(
                incidentId.value(),
                actor,
                "meeting-notes",
                "Recorded meeting " + changes.stream().map(FieldChange::field).collect(Collectors.joining(" and ")),
                changes);
        return after;
    }

    /** The meeting as an iCalendar file: the invitation, or the cancellation when it is cancelled. */
    public String invitation(Actor actor, IncidentId incidentId) {
        Incident incident = incidents.get(actor, incidentId);
        Meeting meeting = get(actor, incidentId);
        return calendar(incident, meeting);
    }

    /**
     * The agenda, generated from the incident as it is now: the summary in the facilitator's words, a walk through
     * the timeline, the Five Whys, the questions still open, and the long-term actions with their size and owner.
     */
    public List<AgendaItem> agenda(Actor actor, IncidentId incidentId) {
        Incident incident = incidents.get(actor, incidentId);
        Optional<Meeting> meeting = load(incidentId);
        List<AgendaItem> items = new ArrayList<>();
        String facilitator =
                meeting.map(Meeting::facilitator).map(Invitee::displayName).orElse("the facilitator");
        List<String> summary = new ArrayList<>();
        summary.add(facilitator + " summarises the incident in their own words (5 minutes).");
        if (incident.summary() != null && !incident.summary().isBlank()) {
            summary.add("Recorded summary: " + incident.summary().strip());
        }
        if (incident.impact() != null && incident.impact().description() != null) {
            summary.add("Impact: " + incident.impact().description());
        }
        items.add(new AgendaItem("Summary", summary));

        List<String> timeline = new ArrayList<>();
        List<String> open = new ArrayList<>();
        incident.keyTimes().asMap().forEach((name, time) -> {
            String label = name.replace("At", "");
            if (time == null) {
                open.add("When was the incident " + label + "?");
            } else {
                timeline.add(label + ": " + HUMAN.format(time.withOffsetSameInstant(ZoneOffset.UTC)));
            }
        });
        if (timeline.isEmpty()) {
            timeline.add("No key times recorded yet: reconstruct the timeline together.");
        } else {
            timeline.add("Walk through what happened between these moments, and what people knew at each.");
        }
        items.add(new AgendaItem("Walk the timeline", timeline));

        List<String> whys = new ArrayList<>();
        for (FiveWhys tree : fiveWhys.of(actor, incidentId)) {
            whys.add("Problem: " + tree.problem());
            for (List<WhyNode> chain : tree.chains()) {
                WhyNode last = chain.getLast();
                whys.add("Why × " + chain.size() + ": "
                        + chain.stream().map(WhyNode::text).collect(Collectors.joining(" → "))
                        + (last.marked() ? " (" + last.factor().kind().name().toLowerCase(Locale.ROOT) + ")" : ""));
                if (!last.marked()) {
                    open.add("Why did \"" + last.text() + "\" happen? (Five Whys chain not concluded)");
                }
            }
        }
        if (whys.isEmpty()) {
            whys.add("No Five Whys analysis yet.");
        }
        items.add(new AgendaItem("Five Whys summary", whys));

        ActionPlan plan = actions.planOf(actor, incidentId);
        for (ContributingFactor cause : plan.causesWithoutAction()) {
            open.add("What will we do about \"" + cause.title() + "\"? (no action yet)");
        }
        if (open.isEmpty()) {
            open.add("None recorded: ask what still puzzles people.");
        }
        items.add(new AgendaItem("Unanswered questions", open));

        List<String> longTerm = new ArrayList<>();
        for (ActionItem a : plan.actions()) {
            if (!a.status().isActive()) {
                continue;
            }
            longTerm.add(a.key() + " " + a.title() + " [" + a.priority() + "]: "
                    + (a.effort() == null
                            ? "needs a size"
                            : "size " + a.effort().name())
                    + ", " + (a.ownerName() == null ? "needs an owner" : "owned by " + a.ownerName())
                    + (a.dueDate() == null ? ", needs a due date" : ", due " + a.dueDate()));
        }
        if (longTerm.isEmpty()) {
            longTerm.add("No open actions yet: agree on long-term actions, each sized and owned.");
        }
        items.add(new AgendaItem("Long-term actions, sized and owned", longTerm));
        return items;
    }

    // ---- internals

    private record Valid(
            OffsetDateTime startsAt,
            int duration,
            String location,
            String videoUrl,
            Long facilitatorId,
            List<Long> invitees) {}

    private Valid validate(Incident incident, MeetingForm form, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime startsAt = null;
        String start = trim(form.startsAt());
        if (start == null) {
            errors.add(new FieldError("startsAt", "is required"));
        } else {
            try {
                startsAt = OffsetDateTime.parse(start).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                try {
                    startsAt = LocalDateTime.parse(start).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    errors.add(new FieldError("startsAt", "'" + start + "' is not a date-time like 2026-03-10T14:00Z"));
                }
            }
        }
        int duration = form.durationMinutes() == null ? 60 : form.durationMinutes();
        if (duration < 5 || duration > 480) {
            errors.add(new FieldError("durationMinutes", "5 to 480 minutes"));
        }
        String location = trim(form.location());
        if (location != null && location.length() > MAX_LOCATION) {
            errors.add(new FieldError("location", "at most " + MAX_LOCATION + " characters"));
        }
        String video = trim(form.videoUrl());
        if (video != null && (!isWebUrl(video) || video.length() > 2000)) {
            errors.add(new FieldError("videoUrl", "must be an http or https URL"));
        }
        Long facilitatorId = null;
        String facilitator = trim(form.facilitator());
        if (facilitator != null) {
            Optional<User> user = accounts.findByUsername(facilitator).filter(User::enabled);
            if (user.isEmpty()) {
                errors.add(new FieldError("facilitator", "no active user '" + facilitator + "'"));
            } else if (!canSee(incident, user.get().id())) {
                errors.add(new FieldError("facilitator", "'" + facilitator + "' may not see " + incident.key()));
            } else {
                facilitatorId = user.get().id();
            }
        }
        Set<Long> invitees = new LinkedHashSet<>();
        if (form.invitees() == null) {
            if (incident.commander() != null) {
                invitees.add(incident.commander().userId());
            }
            incident.participants().stream().map(Participant::userId).forEach(invitees::add);
            if (facilitatorId != null) {
                invitees.add(facilitatorId);
            }
            invitees.removeIf(id -> !canSee(incident, id));
        } else {
            for (String name : form.invitees()) {
                String username = trim(name);
                if (username == null) {
                    continue;
                }
                Optional<User> user = accounts.findByUsername(username).filter(User::enabled);
                if (user.isEmpty()) {
                    errors.add(new FieldError("invitees", "no active user '" + username + "'"));
                } else if (!canSee(incident, user.get().id())) {
                    errors.add(new FieldError(
                            "invitees", "'" + username + "' may not see the restricted incident " + incident.key()));
                } else {
                    invitees.add(user.get().id());
                }
            }
        }
        if (invitees.size() > MAX_INVITEES) {
            errors.add(new FieldError("invitees", "at most " + MAX_INVITEES));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(startsAt, duration, location, video, facilitatorId, List.copyOf(invitees));
    }

    private boolean canSee(Incident incident, long userId) {
        return accounts.actor(userId).map(incident::visibleTo).orElse(false);
    }

    /** Sends the meeting's calendar to {@code people}, each checked again against the incident's visibility. */
    private void invite(Incident incident, Meeting meeting, List<Invitee> people) {
        List<Recipient> recipients = people.stream()
                .filter(p -> canSee(incident, p.userId()))
                .map(p -> Recipient.user(p.userId()))
                .toList();
        if (recipients.isEmpty()) {
            return;
        }
        String ics = calendar(incident, meeting);
        String when = HUMAN.format(meeting.startsAt());
        String subject = (meeting.cancelled()
                        ? "Cancelled: "
                        : meeting.sequence() == 0 ? "Invitation: " : "Updated invitation: ")
                + "postmortem meeting for " + incident.key() + " " + incident.title() + " (" + when + ")";
        String text = subject + "\n\n" + where(meeting) + "Duration: " + meeting.durationMinutes() + " minutes\n"
                + (meeting.facilitator() == null
                        ? ""
                        : "Facilitator: " + meeting.facilitator().displayName() + "\n");
        String method = meeting.cancelled() ? "CANCEL" : "REQUEST";
        Message message = new Message(
                meeting.cancelled() ? "meeting-cancelled" : "meeting-invitation",
                subject,
                text,
                null,
                "/incidents/" + incident.key(),
                List.of(new Attachment(
                        meeting.cancelled() ? "cancel.ics" : "invite.ics",
                        "text/calendar; method=" + method + "; charset=UTF-8",
                        ics)),
                incident.visibility() != Visibility.NORMAL);
        notifications.send(recipients, message);
    }

    private String calendar(Incident incident, Meeting meeting) {
        StringBuilder description = new StringBuilder("Blameless postmortem of " + incident.key() + ".\n");
        description.append(where(meeting));
        return InvitationCalendar.write(
                meeting,
                "Postmortem: " + incident.key() + " " + incident.title(),
                description.toString(),
                notifications.absolute("/incidents/" + incident.key()),
                fallbackEmail,
                now().toInstant());
    }

    private static String where(Meeting meeting) {
        return (meeting.location() == null ? "" : "Where: " + meeting.location() + "\n")
                + (meeting.videoUrl() == null ? "" : "Video: " + meeting.videoUrl() + "\n");
    }

    private static Meeting withStatus(Meeting m, MeetingStatus status, List<Invitee> invitees) {
        return new Meeting(
                m.id(),
                m.incidentId(),
                m.uid(),
                m.sequence(),
                status,
                m.startsAt(),
                m.durationMinutes(),
                m.location(),
                m.videoUrl(),
                m.facilitator(),
                m.organizer(),
                invitees,
                m.notes(),
                m.decisions(),
                m.updatedAt(),
                m.version());
    }

    private static void checkVersion(Meeting meeting, Integer expected) {
        if (expected == null) {
            throw new InvalidInputException("version", "is required to change a scheduled meeting");
        }
        if (meeting.version() != expected) {
            throw stale(meeting.version());
        }
    }

    private static ConflictException stale(Integer current) {
        return new ConflictException(
                "Someone changed the meeting since you loaded it (it is now at version " + current
                        + "); nothing was saved: reload and try again.",
                current);
    }

    private ConflictException stale(IncidentId incidentId) {
        return stale(load(incidentId).map(Meeting::version).orElse(null));
    }

    private static List<FieldChange> diff(Meeting before, Meeting after) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "startsAt", before == null ? null : before.startsAt(), after.startsAt());
        add(changes, "durationMinutes", before == null ? null : before.durationMinutes(), after.durationMinutes());
        add(changes, "location", before == null ? null : before.location(), after.location());
        add(changes, "videoUrl", before == null ? null : before.videoUrl(), after.videoUrl());
        add(
                changes,
                "facilitator",
                before == null || before.facilitator() == null
                        ? null
                        : before.facilitator().username(),
                after.facilitator() == null ? null : after.facilitator().username());
        add(changes, "invitees", before == null ? null : names(before.invitees()), names(after.invitees()));
        return changes;
    }

    private static String names(List<Invitee> invitees) {
        return invitees.stream().map(Invitee::username).sorted().collect(Collectors.joining(", "));
    }

    private static void add(List<FieldChange> changes, String field, Object before, Object after) {
        String b = before == null ? null : before.toString();
        String a = after == null ? null : after.toString();
        if (!Objects.equals(b, a)) {
            changes.add(new FieldChange(field, b, a));
        }
    }

    private Optional<Meeting> load(IncidentId incidentId) {
        Optional<Row> row = jdbc.sql("select * from meetings where incident_id = ?")
                .param(incidentId.value())
                .query(Meetings::row)
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        List<Long> inviteeIds = jdbc.sql("select user_id from meeting_invitees where meeting_id = ? order by user_id")
                .param(r.id())
                .query(Long.class)
                .list();
        Set<Long> all = new LinkedHashSet<>(inviteeIds);
        if (r.facilitatorId() != null) {
            all.add(r.facilitatorId());
        }
        if (r.organizerId() != null) {
            all.add(r.organizerId());
        }
        Map<Long, User> users = accounts.byIds(all);
        return Optional.of(new Meeting(
                r.id(),
                incidentId,
                r.uid(),
                r.sequence(),
                MeetingStatus.valueOf(r.status()),
                r.startsAt(),
                r.duration(),
                r.location(),
                r.videoUrl(),
                r.facilitatorId() == null ? null : invitee(users.get(r.facilitatorId())),
                r.organizerId() == null ? null : invitee(users.get(r.organizerId())),
                inviteeIds.stream()
                        .filter(users::containsKey)
                        .map(id -> invitee(users.get(id)))
                        .toList(),
                r.notes(),
                r.decisions(),
                r.updatedAt(),
                r.version()));
    }

    private static Invitee invitee(User u) {
        return new Invitee(u.id(), u.username(), u.displayName(), u.email());
    }

    private record Row(
            long id,
            String uid,
            int sequence,
            String status,
            OffsetDateTime startsAt,
            int duration,
            String location,
            String videoUrl,
            Long facilitatorId,
            Long organizerId,
            String notes,
            String decisions,
            OffsetDateTime updatedAt,
            int version) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("uid"),
                rs.getInt("sequence"),
                rs.getString("status"),
                rs.getObject("starts_at", OffsetDateTime.class),
                rs.getInt("duration_minutes"),
                rs.getString("location"),
                rs.getString("video_url"),
                (Long) rs.getObject("facilitator_id", Long.class),
                (Long) rs.getObject("organizer_id", Long.class),
                rs.getString("notes"),
                rs.getString("decisions"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
