package dev.hindsight.actions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders the action board offers; each has a fixed SQL expression, so nothing user-typed reaches SQL. */
public enum ActionSort {
    DUE("a.due_date asc nulls last, a.priority asc, a.id asc"),
    PRIORITY("a.priority asc, a.due_date asc nulls last, a.id asc"),
    UPDATED("a.updated_at desc, a.id desc");

    private final String orderBy;

    ActionSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActionSort> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(upper)).findFirst();
    }
}
