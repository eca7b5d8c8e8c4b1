package dev.hindsight.engines.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The conditional distribution of one variable given its parents. Values are stored row by row: one row per
 * configuration of the parents, enumerated with the last parent varying fastest; within a row, the child's states in
 * declared order. Instances are immutable and validated by {@link BayesianNetwork.Builder#build()}.
 */
public final class ConditionalProbabilityTable {

    private final Variable child;
    private final List<Variable> parents;
    private final double[] values;

    ConditionalProbabilityTable(Variable child, List<Variable> parents, double[] values) {
        this.child = Objects.requireNonNull(child);
        this.parents = List.copyOf(parents);
        this.values = values.clone();
    }

    /** The variable this table is the distribution of, never null. */
    public Variable child() {
        return child;
    }

    /** The parents in table order, never null, empty for a root. */
    public List<Variable> parents() {
        return parents;
    }

    /** The number of parent configurations (1 for a root). */
    public int rowCount() {
        int rows = 1;
        for (Variable parent : parents) {
            rows *= parent.cardinality();
        }
        return rows;
    }

    /** A copy of all values in table order (see the class comment), never null. */
    public double[] values() {
        return values.clone();
    }

    /**
     * The child's distribution for one parent configuration.
     *
     * @param parentStates one state per parent, in {@link #parents()} order
     * @return a fresh array of {@code child().cardinality()} probabilities, never null
     * @throws IllegalArgumentException when the count of states is wrong or a state is unknown
     */
    public double[] row(List<String> parentStates) {
        int row = rowIndex(parentStates);
        int k = child.cardinality();
        return Arrays.copyOfRange(values, row * k, row * k + k);
    }

    /** P(child = {@code childState} | parents = {@code parentStates}); throws as {@link #row(List)} does. */
    public double probability(String childState, List<String> parentStates) {
        return values[rowIndex(parentStates) * child.cardinality() + child.indexOf(childState)];
    }

    /** The parent states of row {@code row} (0-based, in table order), never null. */
    public List<String> parentStates(int row) {
        if (row < 0 || row >= rowCount()) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rowCount());
        }
        String[] states = new String[parents.size()];
        for (int i = parents.size() - 1; i >= 0; i--) {
            Variable parent = parents.get(i);
            states[i] = parent.states().get(row % parent.cardinality());
            row /= parent.cardinality();
        }
        return new ArrayList<>(Arrays.asList(states));
    }

    int rowIndex(List<String> parentStates) {
        if (parentStates.size() != parents.size()) {
            throw new IllegalArgumentException("variable '" + child.name() + "' has " + parents.size() + " parents but "
                    + parentStates.size() + " parent states were given");
        }
        int row = 0;
        for (int i = 0; i < parents.size(); i++) {
            Variable parent = parents.get(i);
            row = row * parent.cardinality() + parent.indexOf(parentStates.get(i));
        }
        return row;
    }

    double valueAt(int index) {
        return values[index];
    }
}
