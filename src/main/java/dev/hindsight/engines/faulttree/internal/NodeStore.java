package dev.hindsight.engines.faulttree.internal;

import java.util.Arrays;

/** Hash-consed storage of decision-diagram nodes (var, lo, hi) with a lossy computed table. Terminals are 0 and 1. */
abstract class NodeStore {

    static final int TERMINAL_VAR = Integer.MAX_VALUE;

    int[] var;
    int[] lo;
    int[] hi;
    int size;

    /** {@link System#nanoTime()} after which node creation throws {@link BudgetExceeded}. */
    public long deadline = Long.MAX_VALUE;

    private int[] table;
    private int tableMask;

    private int[] cacheA;
    private int[] cacheB;
    private int[] cacheOp;
    private int[] cacheRes;
    private int cacheMask;

    NodeStore(int initialCapacity) {
        int cap = Math.max(16, Integer.highestOneBit(initialCapacity) << 1);
        var = new int[cap];
        lo = new int[cap];
        hi = new int[cap];
        var[0] = TERMINAL_VAR;
        var[1] = TERMINAL_VAR;
        size = 2;
        table = new int[cap * 2];
        tableMask = table.length - 1;
        allocateCache(1 << 16);
    }

    private void allocateCache(int n) {
        cacheA = new int[n];
        cacheB = new int[n];
        cacheOp = new int[n];
        cacheRes = new int[n];
        Arrays.fill(cacheOp, -1);
        cacheMask = n - 1;
    }

    /** Number of nodes stored, terminals included. */
    public int nodeCount() {
        return size;
    }

    /** The variable of a node ({@link #TERMINAL_VAR} for terminals). */
    public int var(int node) {
        return var[node];
    }

    public int lo(int node) {
        return lo[node];
    }

    public int hi(int node) {
        return hi[node];
    }

    private static int hash(int v, int l, int h) {
        long x = v * 0x9E3779B97F4A7C15L + l * 0xC2B2AE3D27D4EB4FL + h * 0x165667B19E3779F9L;
        x ^= x >>> 29;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 32;
        return (int) x;
    }

    /** The unique node (v, l, h) without applying any reduction rule. */
    final int unique(int v, int l, int h) {
        int i = hash(v, l, h) & tableMask;
        while (true) {
            int n = table[i];
            if (n == 0) {
                break;
            }
            if (var[n] == v && lo[n] == l && hi[n] == h) {
                return n;
            }
            i = (i + 1) & tableMask;
        }
        if (size == var.length) {
            int cap = var.length * 2;
            if (cap < 0) {
                throw new IllegalStateException("decision diagram too large");
            }
            var = Arrays.copyOf(var, cap);
            lo = Arrays.copyOf(lo, cap);
            hi = Arrays.copyOf(hi, cap);
        }
        if ((size & 0x3FFF) == 0 && System.nanoTime() - deadline > 0) {
            throw new BudgetExceeded(size);
        }
        int n = size++;
        var[n] = v;
        lo[n] = l;
        hi[n] = h;
        table[i] = n;
        if (size * 2 > table.length) {
            rehash();
        }
        if (size > cacheMask + 1 && cacheMask < (1 << 24) - 1) {
            allocateCache((cacheMask + 1) * 4);
        }
        return n;
    }

    private void rehash() {
        table = new int[table.length * 2];
        tableMask = table.length - 1;
        for (int n = 2; n < size; n++) {
            int i = hash(var[n], lo[n], hi[n]) & tableMask;
            while (table[i] != 0) {
                i = (i + 1) & tableMask;
            }
            table[i] = n;
        }
    }

    private int slot(int op, int a, int b) {
        return hash(op, a, b) & cacheMask;
    }

    /** The cached result of (op, a, b), or -1. */
    final int cached(int op, int a, int b) {
        int s = slot(op, a, b);
        return cacheOp[s] == op && cacheA[s] == a && cacheB[s] == b ? cacheRes[s] : -1;
    }

    final int store(int op, int a, int b, int result) {
        int s = slot(op, a, b);
        cacheOp[s] = op;
        cacheA[s] = a;
        cacheB[s] = b;
        cacheRes[s] = result;
        return result;
    }

    /** The non-terminal nodes reachable from {@code f}, sorted by variable (parents before children). */
    public final int[] reachable(int f) {
        java.util.BitSet seen = new java.util.BitSet(size);
        int[] stack = new int[64];
        int sp = 0;
        int count = 0;
        int[] out = new int[64];
        if (f >= 2) {
            stack[sp++] = f;
            seen.set(f);
        }
        while (sp > 0) {
            int n = stack[--sp];
            if (count == out.length) {
                out = java.util.Arrays.copyOf(out, count * 2);
            }
            out[count++] = n;
            for (int c : new int[] {lo[n], hi[n]}) {
                if (c >= 2 && !seen.get(c)) {
                    seen.set(c);
                    if (sp == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, sp * 2);
                    }
                    stack[sp++] = c;
                }
            }
        }
        long[] keyed = new long[count];
        for (int i = 0; i < count; i++) {
            keyed[i] = ((long) var[out[i]] << 32) | out[i];
        }
        java.util.Arrays.sort(keyed);
        int[] sorted = new int[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = (int) keyed[i];
        }
        return sorted;
    }
}
