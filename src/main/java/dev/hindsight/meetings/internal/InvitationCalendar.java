package dev.hindsight.meetings.internal;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationLevel;
import biweekly.parameter.ParticipationStatus;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import biweekly.util.Duration;
import dev.hindsight.meetings.Invitee;
import dev.hindsight.meetings.Meeting;
import java.time.Instant;
import java.util.Date;

/** Writes a meeting as an RFC 5545 invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) with biweekly. */
public final class InvitationCalendar {

    private InvitationCalendar() {}

    /**
     * The invitation. {@code fallbackEmail} stands in for people without an e-mail address (the ORGANIZER and
     * ATTENDEE properties need one).
     */
    public static String write(
            Meeting meeting, String summary, String description, String link, String fallbackEmail, Instant stamp) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Hindsight//Postmortem meetings//EN");
        calendar.setMethod(meeting.cancelled() ? Method.cancel() : Method.request());
        VEvent event = new VEvent();
        event.setUid(meeting.uid());
        event.setSequence(meeting.sequence());
        event.setDateTimeStamp(Date.from(stamp));
        event.setDateStart(Date.from(meeting.startsAt().toInstant()), true);
        event.setDuration(Duration.builder().minutes(meeting.durationMinutes()).build());
        event.setSummary(summary);
        event.setDescription(description);
        String where = meeting.location();
        if (meeting.videoUrl() != null) {
            where = where == null ? meeting.videoUrl() : where + " / " + meeting.videoUrl();
        }
        if (where != null) {
            event.setLocation(where);
        }
        if (link != null) {
            event.setUrl(link);
        }
        Invitee organizer = meeting.organizer();
        event.setOrganizer(new Organizer(organizer.displayName(), email(organizer, fallbackEmail)));
        for (Invitee invitee : meeting.invitees()) {
            Attendee attendee = new Attendee(invitee.displayName(), email(invitee, fallbackEmail));
            attendee.setParticipationLevel(ParticipationLevel.REQUIRED);
            attendee.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
            attendee.setRsvp(!meeting.cancelled());
            event.addAttendee(attendee);
        }
        event.setStatus(meeting.cancelled() ? Status.cancelled() : Status.confirmed());
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }

    private static String email(Invitee person, String fallback) {
        return person.email() != null ? person.email() : fallback;
    }
}
