package dev.hindsight.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of value an admin-defined incident field holds. */
public enum CustomFieldType {
    TEXT,
    NUMBER,
    CHOICE,
    DATE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CustomFieldType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(upper)).findFirst();
    }
}
