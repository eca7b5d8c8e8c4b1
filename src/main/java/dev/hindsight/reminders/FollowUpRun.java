package dev.hindsight.reminders;

/** What one run of a follow-up job sent. */
public record FollowUpRun(int reminders, int escalations, int digests) {}
