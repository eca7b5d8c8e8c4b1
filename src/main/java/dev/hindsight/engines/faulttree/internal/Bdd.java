package dev.hindsight.engines.faulttree.internal;

/**
 * A reduced ordered binary decision diagram manager. Node 0 is false, 1 is true; variable 0 is at the top. Not
 * thread-safe; recursions are as deep as the number of variables.
 */
public final class Bdd extends NodeStore {

    public static final int FALSE = 0;
    public static final int TRUE = 1;

    private static final int AND = 1;
    private static final int OR = 2;
    private static final int XOR = 3;
    private static final int NOT = 4;

    private final int variables;

    /** A manager for {@code variables} variables. */
    public Bdd(int variables) {
        super(1 << 12);
        this.variables = variables;
    }

    public int variables() {
        return variables;
    }

    /** The node for the literal {@code v}. */
    public int variable(int v) {
        return mk(v, FALSE, TRUE);
    }

    int mk(int v, int l, int h) {
        return l == h ? l : unique(v, l, h);
    }

    public int and(int a, int b) {
        if (a == FALSE || b == FALSE) {
            return FALSE;
        }
        if (a == TRUE || a == b) {
            return b;
        }
        if (b == TRUE) {
            return a;
        }
        return apply(AND, a, b);
    }

    public int or(int a, int b) {
        if (a == TRUE || b == TRUE) {
            return TRUE;
        }
        if (a == FALSE || a == b) {
            return b;
        }
        if (b == FALSE) {
            return a;
        }
        return apply(OR, a, b);
    }

    public int xor(int a, int b) {
        if (a == FALSE) {
            return b;
        }
        if (b == FALSE) {
            return a;
        }
        if (a == b) {
            return FALSE;
        }
        if (a == TRUE) {
            return not(b);
        }
        if (b == TRUE) {
            return not(a);
        }
        return apply(XOR, a, b);
    }

    public int not(int a) {
        if (a < 2) {
            return 1 - a;
        }
        int r = cached(NOT, a, 0);
        if (r >= 0) {
            return r;
        }
        return store(NOT, a, 0, mk(var[a], not(lo[a]), not(hi[a])));
    }

    private int apply(int op, int a, int b) {
        if (a > b) {
            int t = a;
            a = b;
            b = t;
        }
        int r = cached(op, a, b);
        if (r >= 0) {
            return r;
        }
        int va = var[a];
        int vb = var[b];
        int v = Math.min(va, vb);
        int a0 = va == v ? lo[a] : a;
        int a1 = va == v ? hi[a] : a;
        int b0 = vb == v ? lo[b] : b;
        int b1 = vb == v ? hi[b] : b;
        int l;
        int h;
        switch (op) {
            case AND -> {
                l = and(a0, b0);
                h = and(a1, b1);
            }
            case OR -> {
                l = or(a0, b0);
                h = or(a1, b1);
            }
            default -> {
                l = xor(a0, b0);
                h = xor(a1, b1);
            }
        }
        return store(op, a, b, mk(v, l, h));
    }

    /** The probability that {@code f} is true when variable i is true with probability {@code p[i]}. */
    public double probability(int f, double[] p) {
        double[] memo = new double[size];
        java.util.Arrays.fill(memo, -1);
        return probability(f, p, memo);
    }

    private double probability(int f, double[] p, double[] memo) {
        if (f < 2) {
            return f;
        }
        double m = memo[f];
        if (m >= 0) {
            return m;
        }
        double q = p[var[f]];
        double r = q * probability(hi[f], p, memo) + (1 - q) * probability(lo[f], p, memo);
        memo[f] = r;
        return r;
    }

    /**
     * The Birnbaum importance of every variable for {@code f}: P(f | x=1) - P(f | x=0), computed in one top-down pass
     * over the nodes reachable from {@code f}.
     */
    public double[] birnbaum(int f, double[] p) {
        double[] out = new double[variables];
        if (f < 2) {
            return out;
        }
        int[] nodes = reachable(f);
        double[] prob = new double[size];
        java.util.Arrays.fill(prob, -1);
        probability(f, p, prob);
        prob[0] = 0;
        prob[1] = 1;
        double[] reach = new double[size];
        reach[f] = 1;
        for (int n : nodes) {
            double r = reach[n];
            if (r == 0) {
                continue;
            }
            int v = var[n];
            out[v] += r * (prob[hi[n]] - prob[lo[n]]);
            reach[hi[n]] += r * p[v];
            reach[lo[n]] += r * (1 - p[v]);
        }
        return out;
    }
}
