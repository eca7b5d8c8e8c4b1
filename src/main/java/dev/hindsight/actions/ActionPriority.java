package dev.hindsight.actions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgent an action is, P0 (most) to P3. */
public enum ActionPriority {
    P0,
    P1,
    P2,
    P3;

    /** How people write it: lower case, words joined by a space. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The constant named {@code text} (any case, words joined by _, - or a space); empty for anything else. */
    public static Optional<ActionPriority> parse(String text) {
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
        return String.join(
                ", ", Arrays.stream(values()).map(ActionPriority::label).toList());
    }
}
