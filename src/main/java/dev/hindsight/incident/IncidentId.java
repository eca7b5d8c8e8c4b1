package dev.hindsight.incident;

import dev.hindsight.shared.NotFoundException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An incident's identity; shown to people as its key, {@code INC-<n>}. */
public record IncidentId(long value) {

    private static final Pattern KEY = Pattern.compile("(?i)INC-(\\d{1,18})");

    /** The human key, e.g. {@code INC-12}. */
    public String key() {
        return "INC-" + value;
    }

    /** Parses {@code INC-12} (any case); empty for anything else. */
    public static Optional<IncidentId> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key.trim());
        return m.matches() ? Optional.of(new IncidentId(Long.parseLong(m.group(1)))) : Optional.empty();
    }

    /** Parses {@code INC-12} (any case); throws {@link NotFoundException} for anything else. */
    public static IncidentId fromKey(String key) {
        return parse(key).orElseThrow(() -> new NotFoundException("No incident " + key + " (keys look like INC-12)"));
    }

    @Override
    public String toString() {
        return key();
    }
}
