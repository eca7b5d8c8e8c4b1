package dev.hindsight.meetings;

/** A meeting is scheduled (possibly rescheduled) or cancelled; a cancelled meeting can be scheduled again. */
public enum MeetingStatus {
    SCHEDULED,
    CANCELLED
}
