package dev.hindsight.meetings;

import java.util.List;

/**
 * What a person submits to schedule or reschedule a meeting, before validation.
 *
 * @param startsAt an ISO date-time with offset ({@code 2026-03-10T14:00:00Z}) or a local one ({@code
 *     2026-03-10T14:00}, taken as UTC)
 * @param facilitator a username, or blank for none
 * @param invitees usernames; null means the incident's commander and participants (and the facilitator)
 */
public record MeetingForm(
        String startsAt,
        Integer durationMinutes,
        String location,
        String videoUrl,
        String facilitator,
        List<String> invitees) {}
