package dev.hindsight.engines.faulttree;

import java.util.Objects;

/**
 * A named gate of a fault tree.
 *
 * @param name unique name among the tree's gates and events, never null
 * @param formula the gate's formula, never null
 * @param label free text for people, may be null
 */
public record Gate(String name, Formula formula, String label) {

    /** Throws NullPointerException when name or formula is null. */
    public Gate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(formula, "formula");
    }
}
