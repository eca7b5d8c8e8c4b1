package dev.hindsight.engines.bayes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A validated discrete Bayesian network: variables with named states, a directed acyclic graph and one
 * {@link ConditionalProbabilityTable} per variable. Immutable; create one with {@link #builder()}.
 */
public final class BayesianNetwork {

    /** The default tolerance within which each table row must sum to 1. */
    public static final double DEFAULT_ROW_TOLERANCE = 1e-6;

    private final String name;
    private final List<Variable> variables;
    private final Map<String, Integer> indexByName;
    private final List<ConditionalProbabilityTable> tables;
    private final int[][] parentIndexes;
    private final int[][] childIndexes;
    private final List<Variable> topologicalOrder;

    private BayesianNetwork(
            String name, List<Variable> variables, List<ConditionalProbabilityTable> tables, List<Variable> order) {
        this.name = name;
        this.variables = List.copyOf(variables);
        this.tables = List.copyOf(tables);
        this.topologicalOrder = List.copyOf(order);
        this.indexByName = new HashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            indexByName.put(variables.get(i).name(), i);
        }
        this.parentIndexes = new int[variables.size()][];
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 0; i < variables.size(); i++) {
            List<Variable> parents = tables.get(i).parents();
            parentIndexes[i] = new int[parents.size()];
            for (int p = 0; p < parents.size(); p++) {
                parentIndexes[i][p] = indexByName.get(parents.get(p).name());
                children.get(parentIndexes[i][p]).add(i);
            }
        }
        this.childIndexes = new int[variables.size()][];
        for (int i = 0; i < variables.size(); i++) {
            childIndexes[i] =
                    children.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The network's name, never null (may be empty). */
    public String name() {
        return name;
    }

    /** The variables in declaration order, never null. */
    public List<Variable> variables() {
        return variables;
    }

    /** The variables ordered so that every parent comes before its children, never null. */
    public List<Variable> topologicalOrder() {
        return topologicalOrder;
    }

    /** The number of variables. */
    public int size() {
        return variables.size();
    }

    /** Whether a variable named {@code name} exists. */
    public boolean contains(String name) {
        return indexByName.containsKey(name);
    }

    /** The variable named {@code name}; throws {@link IllegalArgumentException} listing the valid names when unknown. */
    public Variable variable(String name) {
        return variables.get(indexOf(name));
    }

    /** The table of the variable named {@code name}, never null; throws as {@link #variable(String)} does. */
    public ConditionalProbabilityTable table(String name) {
        return tables.get(indexOf(name));
    }

    /** The parents of {@code name} in table order, never null; throws as {@link #variable(String)} does. */
    public List<Variable> parents(String name) {
        return table(name).parents();
    }

    /** The children of {@code name} in declaration order, never null; throws as {@link #variable(String)} does. */
    public List<Variable> children(String name) {
        List<Variable> result = new ArrayList<>();
        for (int child : childIndexes[indexOf(name)]) {
            result.add(variables.get(child));
        }
        return result;
    }

    int indexOf(String name) {
        Integer index = indexByName.get(name);
        if (index == null) {
            List<String> names = variables.stream().map(Variable::name).toList();
            throw new IllegalArgumentException(
                    "unknown variable '" + name + "'; valid variables: " + String.join(", ", names));
        }
        return index;
    }

    ConditionalProbabilityTable tableAt(int index) {
        return tables.get(index);
    }

    int[] parentIndexes(int index) {
        return parentIndexes[index];
    }

    int[] childIndexes(int index) {
        return childIndexes[index];
    }

    /**
     * Collects variables, parents and probabilities, then {@link #build() validates} them. Rows may be given in any
     * order, keyed by parent states; alternatively a whole table may be given at once with {@link #table}.
     */
    public static final class Builder {

        private String name = "";
        private final Map<String, Variable> variables = new LinkedHashMap<>();
        private final Map<String, List<String>> parents = new HashMap<>();
        private final Map<String, Map<List<String>, double[]>> rows = new HashMap<>();
        private final Map<String, double[]> tables = new HashMap<>();
        private double tolerance = DEFAULT_ROW_TOLERANCE;

        private Builder() {}

        /** Sets the network's name (default empty). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Sets how far from 1 a row sum may be (default {@link #DEFAULT_ROW_TOLERANCE}); must be non-negative. */
        public Builder rowTolerance(double tolerance) {
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("row tolerance must be non-negative: " + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        /** Declares a variable; throws {@link NetworkValidationException} when the name is already declared. */
        public Builder variable(String name, String... states) {
            return variable(name, Arrays.asList(states));
        }

        /** Declares a variable; throws {@link NetworkValidationException} when the name is already declared. */
        public Builder variable(String name, List<String> states) {
            Variable variable;
            try {
                variable = new Variable(name, states);
            } catch (IllegalArgumentException e) {
                throw new NetworkValidationException(e.getMessage());
            }
            if (variables.putIfAbsent(name, variable) != null) {
                throw new NetworkValidationException("variable '" + name + "' is declared twice");
            }
            return this;
        }

        /** Sets the parents of {@code child} in table order (default: none). */
        public Builder parents(String child, String... parentNames) {
            return parents(child, Arrays.asList(parentNames));
        }

        /** Sets the parents of {@code child} in table order (default: none). */
        public Builder parents(String child, List<String> parentNames) {
            parents.put(child, List.copyOf(parentNames));
            return this;
        }

        /**
         * Gives the child's distribution for one parent configuration.
         *
         * @param parentStates one state per parent in the order given to {@link #parents}; empty for a root
         * @throws NetworkValidationException when the same row is given twice
         */
        public Builder row(String child, List<String> parentStates, double... probabilities) {
            Map<List<String>, double[]> byKey = rows.computeIfAbsent(child, k -> new HashMap<>());
            if (byKey.put(List.copyOf(parentStates), probabilities.clone()) != null) {
                throw new NetworkValidationException(
                        "variable '" + child + "' has the row for parent states " + parentStates + " twice");
            }
            return this;
        }

        /**
         * Gives the child's whole table in {@link ConditionalProbabilityTable} order: parent configurations with the
         * last parent varying fastest, the child's states fastest within a configuration.
         */
        public Builder table(String child, double... values) {
            tables.put(child, values.clone());
            return this;
        }

        /**
         * Validates and builds the network.
         *
         * @return the network, never null
         * @throws NetworkValidationException naming the variable when a parent is unknown or repeated, the graph has
         *     a cycle, a table is missing, has the wrong size, has a row for unknown states, misses a row, holds a
         *     value outside [0, 1] or a row that does not sum to 1 within the tolerance
         */
        public BayesianNetwork build() {
            for (String child : parents.keySet()) {
                requireDeclared(child, "parents were given for undeclared variable '" + child + "'");
            }
            for (String child : rows.keySet()) {
                requireDeclared(child, "probabilities were given for undeclared variable '" + child + "'");
            }
            for (String child : tables.keySet()) {
                requireDeclared(child, "probabilities were given for undeclared variable '" + child + "'");
            }
            Map<String, List<Variable>> parentVariables = new HashMap<>();
            for (Variable variable : variables.values()) {
                List<String> names = parents.getOrDefault(variable.name(), List.of());
                if (new HashSet<>(names).size() != names.size()) {
                    throw new NetworkValidationException(
                            "variable '" + variable.name() + "' lists a parent twice: " + names);
                }
                List<Variable> resolved = new ArrayList<>();
                for (String parent : names) {
                    if (parent.equals(variable.name())) {
                        throw new NetworkValidationException("variable '" + parent + "' is its own parent");
                    }
                    Variable p = variables.get(parent);
                    if (p == null) {
                        throw new NetworkValidationException(
                                "variable '" + variable.name() + "' has unknown parent '" + parent + "'");
                    }
                    resolved.add(p);
                }
                parentVariables.put(variable.name(), resolved);
            }
            List<Variable> order = topologicalOrder(parentVariables);
            List<ConditionalProbabilityTable> built = new ArrayList<>();
            for (Variable variable : variables.values()) {
                built.add(buildTable(variable, parentVariables.get(variable.name())));
            }
            return new BayesianNetwork(name, new ArrayList<>(variables.values()), built, order);
        }

        private void requireDeclared(String name, String message) {
            if (!variables.containsKey(name)) {
                throw new NetworkValidationException(message);
            }
        }

        private List<Variable> topologicalOrder(Map<String, List<Variable>> parentVariables) {
            Map<String, Integer> missing = new HashMap<>();
            Map<String, List<String>> children = new HashMap<>();
            for (Variable variable : variables.values()) {
                missing.put(
                        variable.name(), parentVariables.get(variable.name()).size());
                for (Variable parent : parentVariables.get(variable.name())) {
                    children.computeIfAbsent(parent.name(), k -> new ArrayList<>())
                            .add(variable.name());
                }
            }
            Deque<String> ready = new ArrayDeque<>();
            for (Variable variable : variables.values()) {
                if (missing.get(variable.name()) == 0) {
                    ready.add(variable.name());
                }
            }
            List<Variable> order = new ArrayList<>();
            while (!ready.isEmpty()) {
                String next = ready.poll();
                order.add(variables.get(next));
                for (String child : children.getOrDefault(next, List.of())) {
                    if (missing.merge(child, -1, Integer::sum) == 0) {
                        ready.add(child);
                    }
                }
            }
            if (order.size() < variables.size()) {
                throw new NetworkValidationException("the graph has a cycle: " + findCycle(parentVariables, missing));
            }
            return order;
        }

        private String findCycle(Map<String, List<Variable>> parentVariables, Map<String, Integer> missing) {
            String start = null;
            for (Variable variable : variables.values()) {
                if (missing.get(variable.name()) > 0) {
                    start = variable.name();
                    break;
                }
            }
            List<String> path = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String current = start;
            while (seen.add(current)) {
                path.add(current);
                for (Variable parent : parentVariables.get(current)) {
                    if (missing.get(parent.name()) > 0) {
                        current = parent.name();
                        break;
                    }
                }
            }
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
            cycle.add(current);
            Collections.reverse(cycle);
            return String.join(" -> ", cycle);
        }

        private ConditionalProbabilityTable buildTable(Variable child, List<Variable> parentList) {
            String name = child.name();
            int k = child.cardinality();
            int rowCount = 1;
            for (Variable parent : parentList) {
                rowCount *= parent.cardinality();
            }
            double[] values;
            Map<List<String>, double[]> keyed = rows.get(name);
            double[] whole = tables.get(name);
            if (keyed != null && whole != null) {
                throw new NetworkValidationException(
                        "variable '" + name + "' was given both a whole table and separate rows");
            } else if (whole != null) {
                if (whole.length != rowCount * k) {
                    throw new NetworkValidationException("variable '" + name + "' has a table of " + whole.length
                            + " values but needs " + rowCount * k + " (" + rowCount + " parent configurations x " + k
                            + " states)");
                }
                values = whole;
            } else if (keyed != null) {
                values = new double[rowCount * k];
                ConditionalProbabilityTable shape = new ConditionalProbabilityTable(child, parentList, values);
                boolean[] filled = new boolean[rowCount];
                for (Map.Entry<List<String>, double[]> entry : keyed.entrySet()) {
                    int row;
                    try {
                        row = shape.rowIndex(entry.getKey());
                    } catch (IllegalArgumentException e) {
                        throw new NetworkValidationException("variable '" + name + "' has a row " + entry.getKey()
                                + " that does not fit: " + e.getMessage());
                    }
                    if (entry.getValue().length != k) {
                        throw new NetworkValidationException("variable '" + name + "' row " + entry.getKey() + " has "
                                + entry.getValue().length + " values but the variable has " + k + " states");
                    }
                    System.arraycopy(entry.getValue(), 0, values, row * k, k);
                    filled[row] = true;
                }
                for (int row = 0; row < rowCount; row++) {
                    if (!filled[row]) {
                        throw new NetworkValidationException("variable '" + name + "' has no row for parent states "
                                + describe(parentList, shape.parentStates(row)));
                    }
                }
            } else {
                throw new NetworkValidationException("variable '" + name + "' has no probability table");
            }
            ConditionalProbabilityTable table = new ConditionalProbabilityTable(child, parentList, values);
            for (int row = 0; row < rowCount; row++) {
                double sum = 0;
                for (int s = 0; s < k; s++) {
                    double p = values[row * k + s];
                    if (!(p >= 0 && p <= 1)) {
                        throw new NetworkValidationException("variable '" + name + "' has probability " + p
                                + " outside [0, 1] in row " + describe(parentList, table.parentStates(row)));
                    }
                    sum += p;
                }
                if (Math.abs(sum - 1) > tolerance) {
                    throw new NetworkValidationException("variable '" + name + "' row "
                            + describe(parentList, table.parentStates(row)) + " sums to " + sum + ", not 1");
                }
            }
            return table;
        }

        private static String describe(List<Variable> parents, List<String> states) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < parents.size(); i++) {
                parts.add(parents.get(i).name() + "=" + states.get(i));
            }
            return "(" + String.join(", ", parts) + ")";
        }
    }
}
