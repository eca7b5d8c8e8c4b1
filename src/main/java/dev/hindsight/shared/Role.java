package dev.hindsight.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user may do: viewers read, editors also create and change incidents, admins also manage the product. */
public enum Role {
    VIEWER,
    EDITOR,
    ADMIN;

    /** Whether this role includes everything {@code other} may do. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role named {@code name} in any case, if there is one. */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(upper)).findFirst();
    }

    /** The lower-case name used in the API and the UI. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
