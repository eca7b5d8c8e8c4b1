package dev.hindsight.engines.bayes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Enumerates the full joint distribution of a small network: the reference the inference tests compare with. */
final class BruteForce {

    private final BayesianNetwork network;
    private final List<int[]> assignments = new ArrayList<>();
    private final List<Double> probabilities = new ArrayList<>();

    BruteForce(BayesianNetwork network) {
        this.network = network;
        int n = network.size();
        int[] a = new int[n];
        while (true) {
            assignments.add(a.clone());
            probabilities.add(jointProbability(a));
            int d = n - 1;
            while (d >= 0 && ++a[d] == network.variables().get(d).cardinality()) {
                a[d] = 0;
                d--;
            }
            if (d < 0) {
                break;
            }
        }
    }

    double jointProbability(int[] a) {
        double p = 1;
        for (int i = 0; i < network.size(); i++) {
            Variable v = network.variables().get(i);
            ConditionalProbabilityTable t = network.table(v.name());
            List<String> parentStates = new ArrayList<>();
            for (Variable parent : t.parents()) {
                parentStates.add(parent.states().get(a[network.indexOf(parent.name())]));
            }
            p *= t.probability(v.states().get(a[i]), parentStates);
        }
        return p;
    }

    /** P(assignment, evidence) with soft evidence as likelihood weights. */
    double weight(int[] a, Evidence evidence) {
        double w = probabilities.get(indexOf(a));
        for (Map.Entry<String, String> e : evidence.hard().entrySet()) {
            Variable v = network.variable(e.getKey());
            if (a[network.indexOf(v.name())] != v.indexOf(e.getValue())) {
                return 0;
            }
        }
        for (Map.Entry<String, List<Double>> e : evidence.likelihoods().entrySet()) {
            w *= e.getValue().get(a[network.indexOf(e.getKey())]);
        }
        return w;
    }

    private int indexOf(int[] a) {
        int index = 0;
        for (int i = 0; i < a.length; i++) {
            index = index * network.variables().get(i).cardinality() + a[i];
        }
        return index;
    }

    List<int[]> assignments() {
        return assignments;
    }

    double probabilityOfEvidence(Evidence evidence) {
        double total = 0;
        for (int[] a : assignments) {
            total += weight(a, evidence);
        }
        return total;
    }

    /** P(vars = states | evidence), joint over {@code vars}, last variable fastest. */
    double[] joint(List<String> vars, Evidence evidence) {
        int size = 1;
        for (String v : vars) {
            size *= network.variable(v).cardinality();
        }
        double[] result = new double[size];
        double total = 0;
        for (int[] a : assignments) {
            double w = weight(a, evidence);
            int index = 0;
            for (String v : vars) {
                index = index * network.variable(v).cardinality() + a[network.indexOf(v)];
            }
            result[index] += w;
            total += w;
        }
        for (int i = 0; i < size; i++) {
            result[i] /= total;
        }
        return result;
    }

    /** The largest P(x, evidence) over all full assignments consistent with the hard evidence. */
    double maxWeight(Evidence evidence) {
        double best = 0;
        for (int[] a : assignments) {
            best = Math.max(best, weight(a, evidence));
        }
        return best;
    }

    int[] assignmentOf(Map<String, String> states, Evidence evidence) {
        int[] a = new int[network.size()];
        for (int i = 0; i < network.size(); i++) {
            Variable v = network.variables().get(i);
            String state = states.containsKey(v.name())
                    ? states.get(v.name())
                    : evidence.hard().get(v.name());
            a[i] = v.indexOf(state);
        }
        return a;
    }
}
