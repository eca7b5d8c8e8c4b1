package dev.hindsight.timeline;

import java.util.Locale;
import java.util.Optional;

/** Where an entry stands in curation. Merged entries were absorbed by another entry. */
public enum EntryStatus {
    PROPOSED,
    ACCEPTED,
    HIDDEN,
    MERGED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EntryStatus> parse(String raw) {
        for (EntryStatus s : values()) {
            if (s.name().equalsIgnoreCase(raw == null ? "" : raw.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
