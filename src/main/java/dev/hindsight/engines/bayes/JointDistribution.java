package dev.hindsight.engines.bayes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A distribution over the joint states of several variables. Entries are ordered with the last variable's state
 * varying fastest.
 *
 * @param variables the variables, in query order, never null
 * @param probabilities one probability per joint state, summing to 1, never null
 */
public record JointDistribution(List<Variable> variables, List<Double> probabilities) {

    /** One joint state and its probability; {@code states} lists one state per variable, in variable order. */
    public record Entry(List<String> states, double probability) {

        /** Copies the states. */
        public Entry {
            states = List.copyOf(states);
        }
    }

    /** Throws {@link IllegalArgumentException} when the number of probabilities does not match the variables. */
    public JointDistribution {
        variables = List.copyOf(variables);
        probabilities = List.copyOf(probabilities);
        int size = 1;
        for (Variable v : variables) {
            size *= v.cardinality();
        }
        if (size != probabilities.size()) {
            throw new IllegalArgumentException("a joint of " + variables.size() + " variables needs " + size
                    + " probabilities, got " + probabilities.size());
        }
    }

    /**
     * The probability of the joint state {@code variable -> state}.
     *
     * @throws IllegalArgumentException when a variable of the joint is missing from {@code states} or a state is
     *     unknown
     */
    public double probability(Map<String, String> states) {
        int index = 0;
        for (Variable v : variables) {
            String state = states.get(v.name());
            if (state == null) {
                throw new IllegalArgumentException("no state given for variable '" + v.name() + "'");
            }
            index = index * v.cardinality() + v.indexOf(state);
        }
        return probabilities.get(index);
    }

    /** All joint states with their probabilities, in table order, never null. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < probabilities.size(); i++) {
            String[] states = new String[variables.size()];
            int rest = i;
            for (int v = variables.size() - 1; v >= 0; v--) {
                Variable variable = variables.get(v);
                states[v] = variable.states().get(rest % variable.cardinality());
                rest /= variable.cardinality();
            }
            entries.add(new Entry(List.of(states), probabilities.get(i)));
        }
        return entries;
    }
}
