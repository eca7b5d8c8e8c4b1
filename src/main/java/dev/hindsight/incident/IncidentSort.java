package dev.hindsight.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders the incident list offers; each has a fixed SQL expression, so nothing user-typed reaches SQL. */
public enum IncidentSort {
    KEY("i.id"),
    SEVERITY("i.severity"),
    STATUS("i.status"),
    STARTED("coalesce(i.started_at, i.created_at)"),
    UPDATED("i.updated_at"),
    TITLE("lower(i.title)");

    private final String column;

    IncidentSort(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IncidentSort> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(upper)).findFirst();
    }
}
