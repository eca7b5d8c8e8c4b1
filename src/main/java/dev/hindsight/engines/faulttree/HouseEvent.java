package dev.hindsight.engines.faulttree;

import java.util.Objects;

/**
 * A house event: a condition that is set true or false for the analysis.
 *
 * @param name unique name, never null
 * @param state the constant value
 * @param label free text for people, may be null
 */
public record HouseEvent(String name, boolean state, String label) {

    /** Throws NullPointerException when name is null. */
    public HouseEvent {
        Objects.requireNonNull(name, "name");
    }
}
