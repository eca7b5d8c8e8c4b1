package dev.hindsight.actions;

/**
 * Something that keeps an incident's postmortem from leaving review: a root cause with no action (other than won't
 * do) and no accepted-risk note.
 *
 * @param message what is missing, for people
 */
public record GateFinding(long factorId, String factorTitle, String message) {}
