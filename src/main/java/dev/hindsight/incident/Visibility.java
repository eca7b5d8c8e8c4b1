package dev.hindsight.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who may see an incident: everyone signed in, or (restricted) only its participants and admins. */
public enum Visibility {
    NORMAL,
    RESTRICTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Visibility> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(upper)).findFirst();
    }
}
