package dev.hindsight.engines.faulttree;

import java.util.Objects;

/**
 * A basic event: a failure with a fixed probability.
 *
 * @param name unique name, never null
 * @param probability the probability, in [0, 1], or NaN when unknown (then every probability computed from it is NaN,
 *     while cut sets are still found)
 * @param label free text for people, may be null
 */
public record BasicEvent(String name, double probability, String label) {

    /** Throws IllegalArgumentException when the probability is neither NaN nor in [0, 1]. */
    public BasicEvent {
        Objects.requireNonNull(name, "name");
        if (!Double.isNaN(probability) && !(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(
                    "basic event " + name + " has probability " + probability + ", outside [0, 1]");
        }
    }
}
