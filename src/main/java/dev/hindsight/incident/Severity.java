package dev.hindsight.incident;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How bad an incident is: SEV1 (worst) to SEV5. Each level's description is configurable by admins. */
public record Severity(int level) implements Comparable<Severity> {

    public static final int MOST_SEVERE = 1;
    public static final int LEAST_SEVERE = 5;
    private static final Pattern NAME = Pattern.compile("(?i)(?:SEV)?\\s*([1-5])");

    public Severity {
        if (level < MOST_SEVERE || level > LEAST_SEVERE) {
            throw new IllegalArgumentException("Severity must be SEV1 to SEV5, not " + level);
        }
    }

    /** {@code SEV1} ... {@code SEV5}. */
    public String label() {
        return "SEV" + level;
    }

    /** Parses {@code SEV2}, {@code sev2} or {@code 2}; empty for anything else. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(text.trim());
        return m.matches() ? Optional.of(new Severity(Integer.parseInt(m.group(1)))) : Optional.empty();
    }

    @Override
    public int compareTo(Severity other) {
        return Integer.compare(level, other.level);
    }

    @Override
    public String toString() {
        return label();
    }
}
