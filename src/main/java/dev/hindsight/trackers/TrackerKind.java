package dev.hindsight.trackers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The issue trackers Hindsight syncs with. */
public enum TrackerKind {
    JIRA,
    GITHUB;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TrackerKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(upper)).findFirst();
    }
}
