package dev.hindsight.engines.faulttree;

import java.util.Objects;

/**
 * A reference by name to a gate, basic event or house event of the same fault tree.
 *
 * @param name the referenced node's name, never null or blank
 */
public record EventRef(String name) implements Argument {

    /** Throws IllegalArgumentException when {@code name} is blank. */
    public EventRef {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("event reference with a blank name");
        }
    }
}
