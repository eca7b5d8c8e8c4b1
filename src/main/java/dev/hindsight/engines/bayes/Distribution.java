package dev.hindsight.engines.bayes;

import java.util.List;
import java.util.Objects;

/**
 * A distribution over one variable's states.
 *
 * @param variable the variable's name, never null
 * @param states the states in declared order, never null
 * @param probabilities one probability per state, summing to 1, never null
 */
public record Distribution(String variable, List<String> states, List<Double> probabilities) {

    /** Throws {@link IllegalArgumentException} when states and probabilities differ in length. */
    public Distribution {
        Objects.requireNonNull(variable, "variable");
        states = List.copyOf(states);
        probabilities = List.copyOf(probabilities);
        if (states.size() != probabilities.size()) {
            throw new IllegalArgumentException("one probability per state is needed for '" + variable + "'");
        }
    }

    /** The probability of {@code state}; throws {@link IllegalArgumentException} listing the states when unknown. */
    public double probability(String state) {
        int index = states.indexOf(state);
        if (index < 0) {
            throw new IllegalArgumentException("unknown state '" + state + "' of variable '" + variable
                    + "'; valid states: " + String.join(", ", states));
        }
        return probabilities.get(index);
    }

    /** The state of highest probability (the first one on ties), never null. */
    public String mostLikelyState() {
        int best = 0;
        for (int i = 1; i < probabilities.size(); i++) {
            if (probabilities.get(i) > probabilities.get(best)) {
                best = i;
            }
        }
        return states.get(best);
    }
}
