package dev.hindsight.incident;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where an incident is in its life. Allowed moves: any open state to another open state or to resolved; resolved to
 * closed or back to investigating (reopened); closed back to resolved (reopened for edits).
 */
public enum IncidentStatus {
    INVESTIGATING,
    IDENTIFIED,
    MONITORING,
    RESOLVED,
    CLOSED;

    /** Whether an incident may move from this status to {@code next}. */
    public boolean canMoveTo(IncidentStatus next) {
        return next != this && allowedNext().contains(next);
    }

    /** The statuses this one may move to. */
    public Set<IncidentStatus> allowedNext() {
        return switch (this) {
            case INVESTIGATING -> EnumSet.of(IDENTIFIED, MONITORING, RESOLVED);
            case IDENTIFIED -> EnumSet.of(INVESTIGATING, MONITORING, RESOLVED);
            case MONITORING -> EnumSet.of(INVESTIGATING, IDENTIFIED, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, INVESTIGATING);
            case CLOSED -> EnumSet.of(RESOLVED);
        };
    }

    /** Whether the incident is still being worked on. */
    public boolean isOpen() {
        return this == INVESTIGATING || this == IDENTIFIED || this == MONITORING;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IncidentStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(upper)).findFirst();
    }
}
