package dev.hindsight.actions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an action stands: open → in progress → done, or won't do (with a reason). Done and won't-do actions can be
 * reopened.
 */
public enum ActionStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    WONT_DO;

    /** How people and the API write it: {@code open}, {@code in_progress}, {@code done}, {@code wont_do}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether work on the action is still expected (open or in progress). */
    public boolean isActive() {
        return this == OPEN || this == IN_PROGRESS;
    }

    /** The statuses an action in this status may move to, the usual next step first. */
    public List<ActionStatus> next() {
        return switch (this) {
            case OPEN -> List.of(IN_PROGRESS, DONE, WONT_DO);
            case IN_PROGRESS -> List.of(DONE, WONT_DO, OPEN);
            case DONE, WONT_DO -> List.of(OPEN);
        };
    }

    /** The constant named {@code text} (any case; {@code won't do}, {@code wont-do} and {@code in progress} too). */
    public static Optional<ActionStatus> parse(String text) {
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
                ", ", Arrays.stream(values()).map(ActionStatus::label).toList());
    }
}
