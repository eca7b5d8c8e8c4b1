package dev.hindsight.incident;

/** Published after an incident was created or changed and the change committed; {@code action} says what. */
public record IncidentChanged(IncidentId id, String action, int version) {}
