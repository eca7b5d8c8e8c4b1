package dev.hindsight.engines.faulttree.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A zero-suppressed BDD manager representing families of sets of variables. Node 0 is the empty family, node 1 the
 * family holding only the empty set. Not thread-safe.
 */
public final class Zbdd extends NodeStore {

    public static final int EMPTY = 0;
    public static final int BASE = 1;

    private static final int UNION = 1;
    private static final int WITHOUT = 2;
    private static final int DIFF = 3;
    private static final int FALSIFY = 4;

    public Zbdd() {
        super(1 << 12);
    }

    int mk(int v, int l, int h) {
        return h == EMPTY ? l : unique(v, l, h);
    }

    public int union(int a, int b) {
        if (a == EMPTY || a == b) {
            return b;
        }
        if (b == EMPTY) {
            return a;
        }
        if (a > b) {
            int t = a;
            a = b;
            b = t;
        }
        int r = cached(UNION, a, b);
        if (r >= 0) {
            return r;
        }
        int va = var[a];
        int vb = var[b];
        int res;
        if (va < vb) {
            res = mk(va, union(lo[a], b), hi[a]);
        } else if (vb < va) {
            res = mk(vb, union(a, lo[b]), hi[b]);
        } else {
            res = mk(va, union(lo[a], lo[b]), union(hi[a], hi[b]));
        }
        return store(UNION, a, b, res);
    }

    /** The sets of {@code a} that are not in {@code b}. */
    public int difference(int a, int b) {
        if (a == EMPTY || a == b) {
            return EMPTY;
        }
        if (b == EMPTY) {
            return a;
        }
        int r = cached(DIFF, a, b);
        if (r >= 0) {
            return r;
        }
        int va = var[a];
        int vb = var[b];
        int res;
        if (va < vb) {
            res = mk(va, difference(lo[a], b), hi[a]);
        } else if (vb < va) {
            res = difference(a, lo[b]);
        } else {
            res = mk(va, difference(lo[a], lo[b]), difference(hi[a], hi[b]));
        }
        return store(DIFF, a, b, res);
    }

    private boolean containsEmpty(int f) {
        while (f >= 2) {
            f = lo[f];
        }
        return f == BASE;
    }

    /** The sets of {@code f} that contain no set of {@code g}. */
    public int without(int f, int g) {
        if (f == EMPTY || g == EMPTY) {
            return f;
        }
        if (f == g || g == BASE) {
            return EMPTY;
        }
        if (f == BASE) {
            return containsEmpty(g) ? EMPTY : BASE;
        }
        int r = cached(WITHOUT, f, g);
        if (r >= 0) {
            return r;
        }
        int vf = var[f];
        int vg = var[g];
        int res;
        if (vf < vg) {
            res = mk(vf, without(lo[f], g), without(hi[f], g));
        } else if (vg < vf) {
            res = without(f, lo[g]);
        } else {
            res = mk(vf, without(lo[f], lo[g]), without(without(hi[f], hi[g]), lo[g]));
        }
        return store(WITHOUT, f, g, res);
    }

    /**
     * The sets of {@code f} at which the BDD function {@code g} is false (a set is read as the point where its
     * variables are true and all others false).
     */
    public int falsifying(Bdd bdd, int f, int g) {
        if (f == EMPTY || g == Bdd.TRUE) {
            return EMPTY;
        }
        if (g == Bdd.FALSE) {
            return f;
        }
        if (f == BASE) {
            while (g >= 2) {
                g = bdd.lo(g);
            }
            return g == Bdd.TRUE ? EMPTY : BASE;
        }
        int r = cached(FALSIFY, f, g);
        if (r >= 0) {
            return r;
        }
        int vf = var[f];
        int vg = bdd.var(g);
        int res;
        if (vf < vg) {
            res = mk(vf, falsifying(bdd, lo[f], g), falsifying(bdd, hi[f], g));
        } else if (vg < vf) {
            res = falsifying(bdd, f, bdd.lo(g));
        } else {
            res = mk(vf, falsifying(bdd, lo[f], bdd.lo(g)), falsifying(bdd, hi[f], bdd.hi(g)));
        }
        return store(FALSIFY, f, g, res);
    }

    /**
     * The minimal solutions of the BDD function {@code f} (Rauzy). When {@code monotone} is true the caller
     * guarantees that {@code f} is monotone, and subsumption is checked against the BDD instead of the ZBDD: the minimal sets of variables whose being true, all
     * others false, makes {@code f} true. For a coherent function these are its minimal cut sets; otherwise they are
     * the prime implicants with complemented literals dropped, minimised.
     */
    public int minimalSolutions(Bdd bdd, int f, boolean monotone) {
        int[] memo = new int[bdd.nodeCount()];
        Arrays.fill(memo, -1);
        return minsol(bdd, f, memo, monotone);
    }

    private int minsol(Bdd bdd, int f, int[] memo, boolean monotone) {
        if (f < 2) {
            return f;
        }
        int m = memo[f];
        if (m >= 0) {
            return m;
        }
        int low = minsol(bdd, bdd.lo(f), memo, monotone);
        int high1 = minsol(bdd, bdd.hi(f), memo, monotone);
        int high = monotone ? falsifying(bdd, high1, bdd.lo(f)) : without(high1, low);
        int r = mk(bdd.var(f), low, high);
        memo[f] = r;
        return r;
    }

    /**
     * The prime implicants of the BDD function {@code f} over literals: variable v of the BDD becomes literal 2v
     * (true) and 2v+1 (false).
     */
    public int primeImplicants(Bdd bdd, int f) {
        return pi(bdd, f, new HashMap<>());
    }

    private int pi(Bdd bdd, int f, Map<Integer, Integer> memo) {
        if (f < 2) {
            return f;
        }
        Integer m = memo.get(f);
        if (m != null) {
            return m;
        }
        int f0 = bdd.lo(f);
        int f1 = bdd.hi(f);
        int both = pi(bdd, bdd.and(f0, f1), memo);
        int pos = difference(pi(bdd, f1, memo), both);
        int neg = difference(pi(bdd, f0, memo), both);
        int v = bdd.var(f);
        int r = mk(2 * v, mk(2 * v + 1, both, neg), pos);
        memo.put(f, r);
        return r;
    }

    /** The sets of {@code f} with at most {@code k} elements. */
    public int maxOrder(int f, int k) {
        return maxOrder(f, k, new HashMap<>());
    }

    private int maxOrder(int f, int k, Map<Long, Integer> memo) {
        if (f < 2) {
            return f;
        }
        if (k == 0) {
            return containsEmpty(f) ? BASE : EMPTY;
        }
        long key = ((long) f << 24) | k;
        Integer m = memo.get(key);
        if (m != null) {
            return m;
        }
        int r = mk(var[f], maxOrder(lo[f], k, memo), maxOrder(hi[f], k - 1, memo));
        memo.put(key, r);
        return r;
    }

    /** The number of sets in {@code f}, saturating at Long.MAX_VALUE. */
    public long count(int f) {
        long[] memo = new long[size];
        Arrays.fill(memo, -1);
        return count(f, memo);
    }

    private long count(int f, long[] memo) {
        if (f < 2) {
            return f;
        }
        if (memo[f] >= 0) {
            return memo[f];
        }
        long r = saturatingAdd(count(lo[f], memo), count(hi[f], memo));
        memo[f] = r;
        return r;
    }

    static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    static long saturatingMul(long a, long b) {
        long hiBits = Math.multiplyHigh(a, b);
        long r = a * b;
        return hiBits != 0 || r < 0 ? Long.MAX_VALUE : r;
    }

    /** The number of sets of each size (index = size) in {@code f}, saturating. */
    public long[] orderDistribution(int f) {
        Map<Integer, long[]> memo = new HashMap<>();
        long[] d = distribution(f, memo);
        return d;
    }

    private long[] distribution(int f, Map<Integer, long[]> memo) {
        if (f == EMPTY) {
            return new long[0];
        }
        if (f == BASE) {
            return new long[] {1};
        }
        long[] m = memo.get(f);
        if (m != null) {
            return m;
        }
        long[] l = distribution(lo[f], memo);
        long[] h = distribution(hi[f], memo);
        long[] r = new long[Math.max(l.length, h.length + 1)];
        for (int i = 0; i < l.length; i++) {
            r[i] = l[i];
        }
        for (int i = 0; i < h.length; i++) {
            r[i + 1] = saturatingAdd(r[i + 1], h[i]);
        }
        memo.put(f, r);
        return r;
    }

    /** The sum over the sets of {@code f} of the product of {@code w[v]} over their elements. */
    public double sumOfProducts(int f, double[] w) {
        double[] memo = new double[size];
        return sum(f, w, memo, new boolean[size]);
    }

    private double sum(int f, double[] w, double[] memo, boolean[] done) {
        if (f < 2) {
            return f;
        }
        if (done[f]) {
            return memo[f];
        }
        double r = sum(lo[f], w, memo, done) + w[var[f]] * sum(hi[f], w, memo, done);
        memo[f] = r;
        done[f] = true;
        return r;
    }

    /** The largest product of {@code w} over one set of each node reachable from {@code f}, indexed by node. */
    public double[] maxProducts(int f, double[] w) {
        double[] memo = new double[size];
        boolean[] done = new boolean[size];
        memo[1] = 1;
        done[0] = true;
        done[1] = true;
        maxProduct(f, w, memo, done);
        return memo;
    }

    private double maxProduct(int f, double[] w, double[] memo, boolean[] done) {
        if (done[f]) {
            return memo[f];
        }
        double r = Math.max(maxProduct(lo[f], w, memo, done), w[var[f]] * maxProduct(hi[f], w, memo, done));
        memo[f] = r;
        done[f] = true;
        return r;
    }

    /**
     * For every variable x: the sum over the sets containing x of the product of {@code w} over their other
     * elements, and in {@code occurrences} the number of sets containing x (saturating). Arrays are indexed by
     * variable and have length {@code variables}.
     */
    public double[] partialSums(int f, double[] w, long[] occurrences) {
        int variables = occurrences.length;
        double[] out = new double[variables];
        if (f < 2) {
            return out;
        }
        double[] below = new double[size];
        sum(f, w, below, new boolean[size]);
        below[0] = 0;
        below[1] = 1;
        long[] counts = new long[size];
        Arrays.fill(counts, -1);
        count(f, counts);
        counts[0] = 0;
        counts[1] = 1;
        double[] reach = new double[size];
        long[] paths = new long[size];
        reach[f] = 1;
        paths[f] = 1;
        for (int n : reachable(f)) {
            int v = var[n];
            out[v] += reach[n] * below[hi[n]];
            occurrences[v] = saturatingAdd(occurrences[v], saturatingMul(paths[n], counts[hi[n]]));
            reach[hi[n]] += reach[n] * w[v];
            reach[lo[n]] += reach[n];
            paths[hi[n]] = saturatingAdd(paths[hi[n]], paths[n]);
            paths[lo[n]] = saturatingAdd(paths[lo[n]], paths[n]);
        }
        return out;
    }
}
