package dev.hindsight.incident;

/** A person in a role on an incident. */
public record Participant(long userId, String username, String displayName, ParticipantRole role) {}
