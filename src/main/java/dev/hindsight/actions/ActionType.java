package dev.hindsight.actions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an action does about the incident's causes. */
public enum ActionType {
    PREVENT,
    MITIGATE,
    DETECT,
    REPAIR,
    PROCESS;

    /** How people write it: lower case, words joined by a space. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The constant named {@code text} (any case, words joined by _, - or a space); empty for anything else. */
    public static Optional<ActionType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normal = text.strip()
                .toUpperCase(Locale.ROOT)
                .replace('-', '_')
                .replace(' ', '_')
                .replace("'", "");
        return Arrays.stream(values()).filter(v -> v.name().equals(normal)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(ActionType::label).toList());
    }
}
