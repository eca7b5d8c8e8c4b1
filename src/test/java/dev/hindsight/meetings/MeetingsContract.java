package dev.hindsight.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Attendee;
import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.UserForm;
import dev.hindsight.actions.ActionForm;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.audit.AuditEntry;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentForm;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.notifications.InboxItem;
import dev.hindsight.notifications.Notifications;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.testing.ControlledTime;
import dev.hindsight.testing.MutableClock;
import dev.hindsight.testing.TestUsers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scheduling, rescheduling and cancelling the postmortem meeting, its invitations, agenda, notes and visibility. */
@ControlledTime
abstract class MeetingsContract {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Autowired
    Meetings meetings;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    ActionItems actions;

    @Autowired
    Accounts accounts;

    @Autowired
    Notifications notifications;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Actor admin;
    Actor organizer;
    Actor commander;
    Actor responder;
    Actor facilitator;
    Actor outsider;
    String unique;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        admin = TestUsers.admin(accounts);
        unique = UUID.randomUUID().toString().substring(0, 8);
        organizer = user("editor", "org");
        commander = user("editor", "ic");
        responder = user("viewer", "resp");
        facilitator = user("editor", "fac");
        outsider = user("viewer", "out");
    }

    Actor user(String role, String prefix) {
        String name = prefix + "-" + unique;
        var u = accounts.create(
                admin, new UserForm(name, "Person " + name, name + "@example.org", role, TestUsers.PASSWORD));
        return new Actor(u.id(), u.username(), u.role());
    }

    String email(Actor a) {
        return a.username() + "@example.org";
    }

    IncidentId incident(String visibility) {
        IncidentForm f = IncidentFixtures.sev2("Meeting " + unique);
        return incidents
                .create(
                        organizer,
                        new IncidentForm(
                                f.title(),
                                "Payments failed for 20 minutes",
                                f.severity(),
                                f.status(),
                                visibility,
                                f.services(),
                                f.impactDescription(),
                                f.usersAffected(),
                                f.errorBudgetConsumed(),
                                java.time.OffsetDateTime.parse("2026-02-27T10:00:00Z"),
                                java.time.OffsetDateTime.parse("2026-02-27T10:05:00Z"),
                                null,
                                null,
                                null,
                                commander.username(),
                                List.of(new IncidentForm.ParticipantEntry(responder.username(), "responder")),
                                f.tags(),
                                f.links(),
                                f.customFields()))
                .id();
    }

    static MeetingForm form(String start, String facilitator, List<String> invitees) {
        return new MeetingForm(start, 45, "Room 4", "https://meet.example.org/pm", facilitator, invitees);
    }

    static VEvent event(ICalendar calendar) {
        assertThat(calendar.getEvents()).hasSize(1);
        return calendar.getEvents().getFirst();
    }

    ICalendar parse(IncidentId id) {
        List<ICalendar> all = Biweekly.parse(meetings.invitation(organizer, id)).all();
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    List<String> subjects(Actor a) {
        return notifications.inbox(a, 50).stream().map(InboxItem::subject).toList();
    }

    List<String> audited(IncidentId id) {
        return audit.forIncident(id.value()).stream().map(AuditEntry::action).toList();
    }

    @Test
    void invitesTheCommanderParticipantsAndFacilitatorWithAnInvitationThatParsesBack() {
        IncidentId id = incident("normal");

        Meeting meeting =
                meetings.schedule(organizer, id, form("2026-03-10T14:00Z", facilitator.username(), null), null);

        assertThat(meeting.invitees())
                .extracting(Invitee::userId)
                .containsExactlyInAnyOrder(commander.userId(), responder.userId(), facilitator.userId());
        assertThat(meeting.sequence()).isZero();
        ICalendar calendar = parse(id);
        assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
        VEvent event = event(calendar);
        assertThat(event.getUid().getValue()).isEqualTo(meeting.uid());
        assertThat(event.getSequence().getValue()).isZero();
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-03-10T14:00:00Z"));
        assertThat(event.getDuration().getValue().toMillis()).isEqualTo(45 * 60_000L);
        assertThat(event.getDateTimeStamp().getValue().toInstant()).isEqualTo(NOW);
        assertThat(event.getOrganizer().getEmail()).isEqualTo(email(organizer));
        assertThat(event.getAttendees())
                .extracting(Attendee::getEmail)
                .containsExactlyInAnyOrder(email(commander), email(responder), email(facilitator));
        assertThat(event.getLocation().getValue()).contains("Room 4", "https://meet.example.org/pm");
        assertThat(event.getSummary().getValue()).isEqualTo("Postmortem: " + id.key() + " Meeting " + unique);
        assertThat(subjects(commander))
                .singleElement()
                .asString()
                .startsWith("Invitation: postmortem meeting for " + id.key());
        assertThat(subjects(outsider)).isEmpty();
        assertThat(audited(id)).contains("meeting-scheduled");
    }

    @Test
    void keepsTheUidAndRaisesTheSequenceOnEachRescheduleAndRefusesStaleVersions() {
        IncidentId id = incident("normal");
        Meeting first = meetings.schedule(organizer, id, form("2026-03-10T14:00Z", null, null), null);

        Meeting second = meetings.schedule(organizer, id, form("2026-03-11T09:30", null, null), first.version());
        Meeting third = meetings.schedule(
                commander, id, form("2026-03-12T09:30Z", null, List.of(commander.username())), second.version());

        assertThat(List.of(second.uid(), third.uid())).containsOnly(first.uid());
        assertThat(List.of(first.sequence(), second.sequence(), third.sequence()))
                .containsExactly(0, 1, 2);
        VEvent event = event(parse(id));
        assertThat(event.getUid().getValue()).isEqualTo(first.uid());
        assertThat(event.getSequence().getValue()).isEqualTo(2);
        assertThat(event.getOrganizer().getEmail()).as("the organizer stays").isEqualTo(email(organizer));
        assertThat(event.getAttendees()).extracting(Attendee::getEmail).containsExactly(email(commander));
        assertThat(subjects(responder))
                .as("dropped from the invitees: told it is cancelled for them")
                .anySatisfy(s -> assertThat(s).startsWith("Cancelled: "));
        assertThat(subjects(commander))
                .filteredOn(s -> s.startsWith("Updated invitation"))
                .hasSize(2);

        assertThatThrownBy(
                        () -> meetings.schedule(organizer, id, form("2026-03-13T09:30Z", null, null), first.version()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> meetings.schedule(organizer, id, form("2026-03-13T09:30Z", null, null), null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(meetings.get(organizer, id).sequence()).isEqualTo(2);
        assertThat(audited(id)).filteredOn("meeting-rescheduled"::equals).hasSize(2);
    }

    @Test
    void cancelsWithAMethodCancelInvitationToEveryInvitee() {
        IncidentId id = incident("normal");
        Meeting scheduled = meetings.schedule(organizer, id, form("2026-03-10T14:00Z", null, null), null);

        Meeting cancelled = meetings.cancel(organizer, id, scheduled.version());

        assertThat(cancelled.cancelled()).isTrue();
        ICalendar calendar = parse(id);
        assertThat(calendar.getMethod().getValue()).isEqualTo("CANCEL");
        VEvent event = event(calendar);
        assertThat(event.getUid().getValue()).isEqualTo(scheduled.uid());
        assertThat(event.getSequence().getValue()).isEqualTo(1);
        assertThat(event.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(subjects(responder)).first().asString().startsWith("Cancelled: postmortem meeting");
        assertThat(audited(id)).contains("meeting-cancelled");
        assertThatThrownBy(() -> meetings.cancel(organizer, id, cancelled.version()))
                .isInstanceOf(InvalidInputException.class);

        Meeting again = meetings.schedule(organizer, id, form("2026-03-17T14:00Z", null, null), cancelled.version());
        assertThat(again.uid()).isEqualTo(scheduled.uid());
        assertThat(again.sequence()).isEqualTo(2);
        assertThat(parse(id).getMethod().getValue()).isEqualTo("REQUEST");
    }

    @Test
    void invitesOnlyPeopleWhoMaySeeARestrictedIncident() {
        IncidentId id = incident("restricted");

        assertThatThrownBy(() -> meetings.schedule(
                        organizer,
                        id,
                        form(
                                "2026-03-10T14:00Z",
                                outsider.username(),
                                List.of(commander.username(), outsider.username())),
                        null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("facilitator", "invitees"));
        assertThat(jdbc.sql("select count(*) from meetings where incident_id = ?")
                        .param(id.value())
                        .query(Long.class)
                        .single())
                .isZero();

        Meeting meeting = meetings.schedule(organizer, id, form("2026-03-10T14:00Z", null, null), null);
        assertThat(meeting.invitees())
                .extracting(Invitee::userId)
                .containsExactlyInAnyOrder(commander.userId(), responder.userId());
        assertThat(subjects(outsider)).isEmpty();
        assertThatThrownBy(() -> meetings.invitation(outsider, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> meetings.find(outsider, id)).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from notification_outbox where channel = 'WEBHOOK' and subject like ?")
                        .param("%" + id.key() + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesBadInputAndViewers() {
        IncidentId id = incident("normal");

        assertThatThrownBy(() -> meetings.schedule(responder, id, form("2026-03-10T14:00Z", null, null), null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> meetings.schedule(
                        organizer,
                        id,
                        new MeetingForm("next tuesday", 1, null, "javascript:alert(1)", "nobody-" + unique, List.of()),
                        null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("startsAt", "durationMinutes", "videoUrl", "facilitator"));
        assertThat(meetings.find(organizer, id)).isEmpty();
    }

    @Test
    void recordsNotesAndDecisionsInTheAuditTrail() {
        IncidentId id = incident("normal");
        Meeting meeting = meetings.schedule(organizer, id, form("2026-03-10T14:00Z", null, null), null);

        Meeting noted = meetings.recordNotes(
                organizer, id, "Walked the timeline", "Add pool alert; review deploys", meeting.version());

        assertThat(noted.notes()).isEqualTo("Walked the timeline");
        assertThat(noted.decisions()).isEqualTo("Add pool alert; review deploys");
        AuditEntry entry = audit.forIncident(id.value()).getFirst();
        assertThat(entry.action()).isEqualTo("meeting-notes");
        assertThat(entry.changes()).extracting(c -> c.field()).containsExactly("notes", "decisions");
        assertThatThrownBy(() -> meetings.recordNotes(organizer, id, "x", null, meeting.version()))
                .isInstanceOf(ConflictException.class);
        assertThat(meetings.get(organizer, id).notes()).isEqualTo("Walked the timeline");
    }

    @Test
    void generatesTheAgendaFromTheIncident() {
        IncidentId id = incident("normal");
        actions.add(
                organizer,
                id,
                new ActionForm(
                        "Alert on pool",
                        null,
                        "detect",
                        "P1",
                        commander.username(),
                        null,
                        "2026-03-20",
                        "S",
                        null,
                        List.of()));
        actions.add(
                organizer,
                id,
                new ActionForm("Unowned", null, "prevent", "P2", null, null, null, null, null, List.of()));
        meetings.schedule(organizer, id, form("2026-03-10T14:00Z", facilitator.username(), null), null);

        List<AgendaItem> agenda = meetings.agenda(organizer, id);

        assertThat(agenda)
                .extracting(AgendaItem::title)
                .containsExactly(
                        "Summary",
                        "Walk the timeline",
                        "Five Whys summary",
                        "Unanswered questions",
                        "Long-term actions, sized and owned");
        assertThat(agenda.get(0).points().getFirst()).startsWith("Person " + facilitator.username() + " summarises");
        assertThat(agenda.get(0).points()).contains("Recorded summary: Payments failed for 20 minutes");
        assertThat(agenda.get(1).points()).anySatisfy(p -> assertThat(p).startsWith("started: Fri 27 Feb 2026 10:00"));
        assertThat(agenda.get(3).points()).contains("When was the incident resolved?");
        assertThat(agenda.get(4).points())
                .anySatisfy(p -> assertThat(p).contains("Alert on pool", "size S", "owned by " + commander.username()))
                .anySatisfy(p -> assertThat(p).contains("Unowned", "needs a size", "needs an owner"));
    }
}
