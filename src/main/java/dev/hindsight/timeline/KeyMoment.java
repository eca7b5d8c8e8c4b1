package dev.hindsight.timeline;

import java.util.Locale;
import java.util.Optional;

/** The moments of an incident an entry can mark; each sets the incident key time of the same name. */
public enum KeyMoment {
    STARTED("startedAt"),
    DETECTED("detectedAt"),
    ACKNOWLEDGED("acknowledgedAt"),
    MITIGATED("mitigatedAt"),
    RESOLVED("resolvedAt");

    private final String keyTime;

    KeyMoment(String keyTime) {
        this.keyTime = keyTime;
    }

    /** The incident key time it sets ({@code detectedAt}). */
    public String keyTime() {
        return keyTime;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KeyMoment> parse(String raw) {
        for (KeyMoment m : values()) {
            if (m.name().equalsIgnoreCase(raw == null ? "" : raw.trim())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
