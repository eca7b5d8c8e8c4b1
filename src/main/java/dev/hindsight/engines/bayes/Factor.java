package dev.hindsight.engines.bayes;

import java.util.Arrays;

/** A non-negative table over some variables (network indexes), last variable varying fastest. */
final class Factor {

    final int[] vars;
    final int[] cards;
    final double[] values;

    Factor(int[] vars, int[] cards, double[] values) {
        this.vars = vars;
        this.cards = cards;
        this.values = values;
    }

    static Factor scalar(double value) {
        return new Factor(new int[0], new int[0], new double[] {value});
    }

    static Factor ofTable(BayesianNetwork network, int index) {
        ConditionalProbabilityTable table = network.tableAt(index);
        int[] parents = network.parentIndexes(index);
        int[] vars = Arrays.copyOf(parents, parents.length + 1);
        vars[parents.length] = index;
        int[] cards = new int[vars.length];
        for (int i = 0; i < vars.length; i++) {
            cards[i] = network.variables().get(vars[i]).cardinality();
        }
        return new Factor(vars, cards, table.values());
    }

    int position(int var) {
        for (int i = 0; i < vars.length; i++) {
            if (vars[i] == var) {
                return i;
            }
        }
        return -1;
    }

    boolean contains(int var) {
        return position(var) >= 0;
    }

    private int[] strides() {
        int[] strides = new int[vars.length];
        int stride = 1;
        for (int i = vars.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= cards[i];
        }
        return strides;
    }

    private int strideOf(int var) {
        int pos = position(var);
        return pos < 0 ? 0 : strides()[pos];
    }

    double sum() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    Factor multiply(Factor other) {
        int[] union = Arrays.copyOf(vars, vars.length + other.vars.length);
        int[] unionCards = Arrays.copyOf(cards, union.length);
        int n = vars.length;
        for (int i = 0; i < other.vars.length; i++) {
            if (!contains(other.vars[i])) {
                union[n] = other.vars[i];
                unionCards[n] = other.cards[i];
                n++;
            }
        }
        int[] resultVars = Arrays.copyOf(union, n);
        int[] resultCards = Arrays.copyOf(unionCards, n);
        int size = 1;
        for (int c : resultCards) {
            size *= c;
        }
        int[] sa = new int[n];
        int[] sb = new int[n];
        for (int i = 0; i < n; i++) {
            sa[i] = strideOf(resultVars[i]);
            sb[i] = other.strideOf(resultVars[i]);
        }
        double[] out = new double[size];
        int[] counter = new int[n];
        int ia = 0;
        int ib = 0;
        for (int idx = 0; idx < size; idx++) {
            out[idx] = values[ia] * other.values[ib];
            for (int d = n - 1; d >= 0; d--) {
                counter[d]++;
                ia += sa[d];
                ib += sb[d];
                if (counter[d] < resultCards[d]) {
                    break;
                }
                ia -= sa[d] * resultCards[d];
                ib -= sb[d] * resultCards[d];
                counter[d] = 0;
            }
        }
        return new Factor(resultVars, resultCards, out);
    }

    /** Sums ({@code max == false}) or maximises the variable out. */
    Factor eliminate(int var, boolean max) {
        int pos = position(var);
        int n = vars.length;
        int[] resultVars = new int[n - 1];
        int[] resultCards = new int[n - 1];
        for (int i = 0, j = 0; i < n; i++) {
            if (i != pos) {
                resultVars[j] = vars[i];
                resultCards[j] = cards[i];
                j++;
            }
        }
        Factor result = new Factor(resultVars, resultCards, new double[values.length / cards[pos]]);
        int[] so = new int[n];
        for (int i = 0; i < n; i++) {
            so[i] = i == pos ? 0 : result.strideOf(vars[i]);
        }
        if (max) {
            Arrays.fill(result.values, Double.NEGATIVE_INFINITY);
        }
        int[] counter = new int[n];
        int io = 0;
        for (int idx = 0; idx < values.length; idx++) {
            if (max) {
                result.values[io] = Math.max(result.values[io], values[idx]);
            } else {
                result.values[io] += values[idx];
            }
            for (int d = n - 1; d >= 0; d--) {
                counter[d]++;
                io += so[d];
                if (counter[d] < cards[d]) {
                    break;
                }
                io -= so[d] * cards[d];
                counter[d] = 0;
            }
        }
        return result;
    }

    /** Keeps only the entries where {@code var} is in {@code state}, dropping the variable. */
    Factor reduce(int var, int state) {
        int pos = position(var);
        if (pos < 0) {
            return this;
        }
        int n = vars.length;
        int[] resultVars = new int[n - 1];
        int[] resultCards = new int[n - 1];
        for (int i = 0, j = 0; i < n; i++) {
            if (i != pos) {
                resultVars[j] = vars[i];
                resultCards[j] = cards[i];
                j++;
            }
        }
        double[] out = new double[values.length / cards[pos]];
        int[] counter = new int[n];
        int o = 0;
        for (int idx = 0; idx < values.length; idx++) {
            if (counter[pos] == state) {
                out[o++] = values[idx];
            }
            for (int d = n - 1; d >= 0; d--) {
                counter[d]++;
                if (counter[d] < cards[d]) {
                    break;
                }
                counter[d] = 0;
            }
        }
        return new Factor(resultVars, resultCards, out);
    }

    /** The same factor with its variables in {@code order} (a permutation of {@link #vars}). */
    Factor permute(int[] order) {
        int n = order.length;
        int[] newCards = new int[n];
        int[] sourceStrides = new int[n];
        int[] strides = strides();
        for (int i = 0; i < n; i++) {
            int pos = position(order[i]);
            newCards[i] = cards[pos];
            sourceStrides[i] = strides[pos];
        }
        double[] out = new double[values.length];
        int[] counter = new int[n];
        int source = 0;
        for (int idx = 0; idx < out.length; idx++) {
            out[idx] = values[source];
            for (int d = n - 1; d >= 0; d--) {
                counter[d]++;
                source += sourceStrides[d];
                if (counter[d] < newCards[d]) {
                    break;
                }
                source -= sourceStrides[d] * newCards[d];
                counter[d] = 0;
            }
        }
        return new Factor(order.clone(), newCards, out);
    }

    /** The state of {@code var} maximising this factor, the other variables fixed by {@code assignment}. */
    int argmax(int var, int[] assignment) {
        int[] strides = strides();
        int base = 0;
        int pos = position(var);
        for (int i = 0; i < vars.length; i++) {
            if (i != pos) {
                base += assignment[vars[i]] * strides[i];
            }
        }
        int best = 0;
        for (int s = 1; s < cards[pos]; s++) {
            if (values[base + s * strides[pos]] > values[base + best * strides[pos]]) {
                best = s;
            }
        }
        return best;
    }
}
