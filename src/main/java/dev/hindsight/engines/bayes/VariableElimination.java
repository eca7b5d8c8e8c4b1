package dev.hindsight.engines.bayes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Exact inference by variable elimination. Each query keeps only the ancestors of the query and evidence variables
 * (barren nodes are pruned), enters hard evidence by reducing the tables and soft evidence as likelihood factors, and
 * eliminates the remaining variables in a greedy min-fill order (ties broken by the smaller table). The most
 * probable explanation uses max-product elimination with back-tracking. Stateless and thread-safe.
 */
public final class VariableElimination {

    private final BayesianNetwork network;

    /** Creates an inference engine over {@code network} (never null). */
    public VariableElimination(BayesianNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** The network queried, never null. */
    public BayesianNetwork network() {
        return network;
    }

    /**
     * The posterior distribution of one variable given the evidence.
     *
     * @return the distribution, never null; a variable with hard evidence gets probability 1 on its observed state
     * @throws IllegalArgumentException naming the valid choices when a variable or state is unknown, or a likelihood
     *     vector has the wrong length
     * @throws ImpossibleEvidenceException when the evidence has probability zero
     */
    public Distribution marginal(String variable, Evidence evidence) {
        JointDistribution joint = joint(List.of(variable), evidence);
        return new Distribution(variable, joint.variables().get(0).states(), joint.probabilities());
    }

    /** The posterior of each variable in {@code variables}, keyed in the given order; throws as {@link #marginal}. */
    public Map<String, Distribution> marginals(List<String> variables, Evidence evidence) {
        Map<String, Distribution> result = new LinkedHashMap<>();
        for (String variable : variables) {
            result.put(variable, marginal(variable, evidence));
        }
        return result;
    }

    /** P({@code variable} = {@code state} | evidence); throws as {@link #marginal} does. */
    public double probability(String variable, String state, Evidence evidence) {
        return marginal(variable, evidence).probability(state);
    }

    /**
     * The joint posterior distribution of several variables given the evidence.
     *
     * @param variables at least one variable, no repeats; the joint lists them in this order
     * @return the joint distribution, never null
     * @throws IllegalArgumentException when the list is empty or repeats a variable, or as {@link #marginal}
     * @throws ImpossibleEvidenceException when the evidence has probability zero
     */
    public JointDistribution joint(List<String> variables, Evidence evidence) {
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("at least one query variable is needed");
        }
        if (new HashSet<>(variables).size() != variables.size()) {
            throw new IllegalArgumentException("a query variable is repeated: " + variables);
        }
        int[] query = variables.stream().mapToInt(network::indexOf).toArray();
        ResolvedEvidence resolved = resolve(evidence);
        Factor result = sumProduct(query, resolved);
        double total = result.sum();
        if (total <= 0) {
            throw impossible(evidence);
        }
        Factor ordered = result.permute(query);
        List<Double> probabilities = new ArrayList<>(ordered.values.length);
        for (double v : ordered.values) {
            probabilities.add(v / total);
        }
        List<Variable> vars = variables.stream().map(network::variable).toList();
        return new JointDistribution(vars, probabilities);
    }

    /**
     * The probability of the evidence; soft evidence contributes its likelihood weights as given (unnormalised).
     *
     * @return P(evidence), 1 for no evidence; may be 0
     * @throws IllegalArgumentException when a variable or state is unknown or a likelihood vector has the wrong length
     */
    public double probabilityOfEvidence(Evidence evidence) {
        return sumProduct(new int[0], resolve(evidence)).sum();
    }

    /**
     * The most probable joint state of all variables without hard evidence (max-product), given the evidence. Ties
     * go to the earlier state.
     *
     * @return the explanation, never null
     * @throws IllegalArgumentException when a variable or state is unknown or a likelihood vector has the wrong length
     * @throws ImpossibleEvidenceException when the evidence has probability zero
     */
    public Explanation mostProbableExplanation(Evidence evidence) {
        ResolvedEvidence resolved = resolve(evidence);
        int n = network.size();
        BitSet all = new BitSet();
        all.set(0, n);
        List<Factor> factors = initialFactors(all, resolved, new int[0]);
        BitSet free = new BitSet();
        for (int i = 0; i < n; i++) {
            if (resolved.hard[i] < 0) {
                free.set(i);
            }
        }
        int[] order = minFillOrder(factors, free);
        List<Factor> traces = new ArrayList<>();
        for (int var : order) {
            Factor combined = combine(factors, var);
            traces.add(combined);
            factors.add(combined.eliminate(var, true));
        }
        double best = 1;
        for (Factor f : factors) {
            best *= f.values[0];
        }
        if (best <= 0) {
            throw impossible(evidence);
        }
        int[] assignment = new int[n];
        for (int i = order.length - 1; i >= 0; i--) {
            assignment[order[i]] = traces.get(i).argmax(order[i], assignment);
        }
        Map<String, String> states = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (free.get(i)) {
                Variable v = network.variables().get(i);
                states.put(v.name(), v.states().get(assignment[i]));
            }
        }
        double pe = probabilityOfEvidence(evidence);
        return new Explanation(states, best, best / pe);
    }

    private Factor sumProduct(int[] query, ResolvedEvidence evidence) {
        BitSet relevant = ancestors(query, evidence);
        List<Factor> factors = initialFactors(relevant, evidence, query);
        BitSet eliminate = new BitSet();
        for (Factor f : factors) {
            for (int v : f.vars) {
                eliminate.set(v);
            }
        }
        for (int q : query) {
            eliminate.clear(q);
        }
        for (int var : minFillOrder(factors, eliminate)) {
            factors.add(combine(factors, var).eliminate(var, false));
        }
        Factor result = Factor.scalar(1);
        for (Factor f : factors) {
            result = result.multiply(f);
        }
        for (int q : query) {
            if (!result.contains(q)) {
                throw new IllegalStateException("query variable lost during elimination");
            }
        }
        return result;
    }

    private static Factor combine(List<Factor> factors, int var) {
        Factor combined = null;
        for (int i = factors.size() - 1; i >= 0; i--) {
            if (factors.get(i).contains(var)) {
                Factor f = factors.remove(i);
                combined = combined == null ? f : combined.multiply(f);
            }
        }
        return combined;
    }

    private List<Factor> initialFactors(BitSet relevant, ResolvedEvidence evidence, int[] query) {
        Set<Integer> queried = new HashSet<>();
        for (int q : query) {
            queried.add(q);
        }
        List<Factor> factors = new ArrayList<>();
        for (int i = relevant.nextSetBit(0); i >= 0; i = relevant.nextSetBit(i + 1)) {
            Factor f = Factor.ofTable(network, i);
            for (int v : f.vars.clone()) {
                if (evidence.hard[v] >= 0 && !queried.contains(v)) {
                    f = f.reduce(v, evidence.hard[v]);
                }
            }
            factors.add(f);
            int card = network.variables().get(i).cardinality();
            if (evidence.hard[i] >= 0 && queried.contains(i)) {
                double[] indicator = new double[card];
                indicator[evidence.hard[i]] = 1;
                factors.add(new Factor(new int[] {i}, new int[] {card}, indicator));
            }
            if (evidence.soft[i] != null) {
                factors.add(new Factor(new int[] {i}, new int[] {card}, evidence.soft[i].clone()));
            }
        }
        return factors;
    }

    private BitSet ancestors(int[] query, ResolvedEvidence evidence) {
        BitSet seen = new BitSet();
        Deque<Integer> todo = new ArrayDeque<>();
        for (int q : query) {
            todo.add(q);
        }
        for (int i = 0; i < network.size(); i++) {
            if (evidence.hard[i] >= 0 || evidence.soft[i] != null) {
                todo.add(i);
            }
        }
        while (!todo.isEmpty()) {
            int v = todo.poll();
            if (!seen.get(v)) {
                seen.set(v);
                for (int p : network.parentIndexes(v)) {
                    todo.add(p);
                }
            }
        }
        return seen;
    }

    private int[] minFillOrder(List<Factor> factors, BitSet toEliminate) {
        int n = network.size();
        List<Set<Integer>> adjacent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adjacent.add(new HashSet<>());
        }
        for (Factor f : factors) {
            for (int a : f.vars) {
                for (int b : f.vars) {
                    if (a != b) {
                        adjacent.get(a).add(b);
                    }
                }
            }
        }
        BitSet remaining = (BitSet) toEliminate.clone();
        int[] order = new int[remaining.cardinality()];
        for (int k = 0; k < order.length; k++) {
            int best = -1;
            long bestFill = Long.MAX_VALUE;
            double bestWeight = Double.MAX_VALUE;
            for (int v = remaining.nextSetBit(0); v >= 0; v = remaining.nextSetBit(v + 1)) {
                List<Integer> neighbours = new ArrayList<>(adjacent.get(v));
                long fill = 0;
                double weight = network.variables().get(v).cardinality();
                for (int i = 0; i < neighbours.size(); i++) {
                    weight *= network.variables().get(neighbours.get(i)).cardinality();
                    for (int j = i + 1; j < neighbours.size(); j++) {
                        if (!adjacent.get(neighbours.get(i)).contains(neighbours.get(j))) {
                            fill++;
                        }
                    }
                }
                if (fill < bestFill || (fill == bestFill && weight < bestWeight)) {
                    best = v;
                    bestFill = fill;
                    bestWeight = weight;
                }
            }
            order[k] = best;
            remaining.clear(best);
            List<Integer> neighbours = new ArrayList<>(adjacent.get(best));
            for (int a : neighbours) {
                adjacent.get(a).remove(best);
                for (int b : neighbours) {
                    if (a != b) {
                        adjacent.get(a).add(b);
                    }
                }
            }
            adjacent.get(best).clear();
        }
        return order;
    }

    private ResolvedEvidence resolve(Evidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        int[] hard = new int[network.size()];
        Arrays.fill(hard, -1);
        double[][] soft = new double[network.size()][];
        evidence.hard().forEach((name, state) -> {
            int index = network.indexOf(name);
            hard[index] = network.variables().get(index).indexOf(state);
        });
        evidence.likelihoods().forEach((name, weights) -> {
            int index = network.indexOf(name);
            Variable v = network.variables().get(index);
            if (weights.size() != v.cardinality()) {
                throw new IllegalArgumentException("likelihood of '" + name + "' has " + weights.size()
                        + " weights but the variable has " + v.cardinality() + " states: "
                        + String.join(", ", v.states()));
            }
            soft[index] = weights.stream().mapToDouble(Double::doubleValue).toArray();
        });
        return new ResolvedEvidence(hard, soft);
    }

    private static ImpossibleEvidenceException impossible(Evidence evidence) {
        return new ImpossibleEvidenceException("the evidence has probability zero: " + evidence);
    }

    private record ResolvedEvidence(int[] hard, double[][] soft) {}
}
