package dev.hindsight.engines.bayes;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A discrete random variable with named states.
 *
 * @param name the variable's name, never null or blank
 * @param states the state names in their declared order, at least one, no duplicates, never null
 */
public record Variable(String name, List<String> states) {

    /** Throws {@link IllegalArgumentException} when the name is blank, there are no states or a state repeats. */
    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(states, "states");
        if (name.isBlank()) {
            throw new IllegalArgumentException("variable name must not be blank");
        }
        states = List.copyOf(states);
        if (states.isEmpty()) {
            throw new IllegalArgumentException("variable '" + name + "' must have at least one state");
        }
        if (new HashSet<>(states).size() != states.size()) {
            throw new IllegalArgumentException("variable '" + name + "' repeats a state: " + states);
        }
        for (String state : states) {
            if (state.isBlank()) {
                throw new IllegalArgumentException("variable '" + name + "' has a blank state name");
            }
        }
    }

    /** The number of states, at least 1. */
    public int cardinality() {
        return states.size();
    }

    /** The index of {@code state}; throws {@link IllegalArgumentException} naming the valid states when unknown. */
    public int indexOf(String state) {
        int index = states.indexOf(state);
        if (index < 0) {
            throw new IllegalArgumentException("unknown state '" + state + "' of variable '" + name
                    + "'; valid states: " + String.join(", ", states));
        }
        return index;
    }
}
