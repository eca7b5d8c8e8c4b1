package dev.hindsight.meetings;

import dev.hindsight.incident.IncidentId;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An incident's postmortem meeting.
 *
 * @param uid the iCalendar UID, the same for the meeting's whole life
 * @param sequence the iCalendar SEQUENCE: 0 when first scheduled, one more after each reschedule or cancellation
 * @param facilitator the facilitator, or null
 * @param organizer who first scheduled it, the invitation's ORGANIZER (kept across changes)
 * @param version the optimistic version for edits
 */
public record Meeting(
        long id,
        IncidentId incidentId,
        String uid,
        int sequence,
        MeetingStatus status,
        OffsetDateTime startsAt,
        int durationMinutes,
        String location,
        String videoUrl,
        Invitee facilitator,
        Invitee organizer,
        List<Invitee> invitees,
        String notes,
        String decisions,
        OffsetDateTime updatedAt,
        int version) {

    public OffsetDateTime endsAt() {
        return startsAt.plusMinutes(durationMinutes);
    }

    public boolean cancelled() {
        return status == MeetingStatus.CANCELLED;
    }
}
