package dev.hindsight.meetings;

/** A person invited to a meeting; {@code email} may be null (then the invitation reaches only their inbox). */
public record Invitee(long userId, String username, String displayName, String email) {}
