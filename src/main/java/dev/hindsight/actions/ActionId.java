package dev.hindsight.actions;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An action item's identity; shown to people as its key, {@code ACT-<n>}. */
public record ActionId(long value) {

    private static final Pattern KEY = Pattern.compile("(?i)ACT-(\\d{1,18})");

    /** The human key, e.g. {@code ACT-7}. */
    public String key() {
        return "ACT-" + value;
    }

    /** Parses {@code ACT-7} (any case); empty for anything else. */
    public static Optional<ActionId> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key.trim());
        return m.matches() ? Optional.of(new ActionId(Long.parseLong(m.group(1)))) : Optional.empty();
    }

    @Override
    public String toString() {
        return key();
    }
}
