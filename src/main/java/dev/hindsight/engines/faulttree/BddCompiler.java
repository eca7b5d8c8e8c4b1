package dev.hindsight.engines.faulttree;

import dev.hindsight.engines.faulttree.internal.Bdd;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a fault tree into a BDD. Variables are ordered by first appearance in a depth-first walk from the top
 * gate that visits the arguments of each gate heaviest first, the weight of a node being the number of basic-event
 * occurrences in its expansion as a tree (a stable sort keeps the file's order among equals).
 */
final class BddCompiler {

    private final FaultTree tree;
    private final Map<String, Integer> variableOf = new LinkedHashMap<>();
    private final Map<String, Integer> gateNode = new HashMap<>();
    private Bdd bdd;
    private boolean monotone = true;

    private final long deadline;

    BddCompiler(FaultTree tree, long deadline) {
        this.tree = tree;
        this.deadline = deadline;
    }

    /** The basic events in variable order. */
    List<String> variables() {
        return new ArrayList<>(variableOf.keySet());
    }

    /** Whether every gate reachable from the top uses only AND, OR, ATLEAST and pass-through (checked by compile). */
    boolean monotone() {
        return monotone;
    }

    Bdd bdd() {
        return bdd;
    }

    int compile() {
        order(tree.top(), new java.util.HashSet<>());
        bdd = new Bdd(variableOf.size());
        bdd.deadline = deadline;
        return gate(tree.top());
    }

    private void order(String node, java.util.Set<String> visited) {
        if (!visited.add(node)) {
            return;
        }
        Gate g = tree.gates().get(node);
        if (g != null) {
            List<String> children = new ArrayList<>(FaultTree.references(g.formula()));
            children.sort(java.util.Comparator.comparingDouble(this::weight).reversed());
            for (String child : children) {
                order(child, visited);
            }
        } else if (tree.basicEvents().containsKey(node)) {
            variableOf.putIfAbsent(node, variableOf.size());
        }
    }

    private final Map<String, Double> weights = new HashMap<>();

    private double weight(String node) {
        Gate g = tree.gates().get(node);
        if (g == null) {
            return 1;
        }
        Double w = weights.get(node);
        if (w != null) {
            return w;
        }
        double sum = 0;
        for (String c : FaultTree.references(g.formula())) {
            sum += weight(c);
        }
        weights.put(node, sum);
        return sum;
    }

    private int gate(String name) {
        Integer done = gateNode.get(name);
        if (done != null) {
            return done;
        }
        int r = formula(tree.gates().get(name).formula());
        gateNode.put(name, r);
        return r;
    }

    private int argument(Argument a) {
        return switch (a) {
            case Formula f -> formula(f);
            case EventRef ref -> {
                String n = ref.name();
                if (tree.gates().containsKey(n)) {
                    yield gate(n);
                }
                HouseEvent h = tree.houseEvents().get(n);
                if (h != null) {
                    yield h.state() ? Bdd.TRUE : Bdd.FALSE;
                }
                yield bdd.variable(variableOf.get(n));
            }
        };
    }

    private int formula(Formula f) {
        switch (f.connective()) {
            case AND, OR, ATLEAST, NULL -> {}
            default -> monotone = false;
        }
        int n = f.args().size();
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = argument(f.args().get(i));
        }
        return switch (f.connective()) {
            case AND -> and(a);
            case OR -> or(a);
            case NAND -> bdd.not(and(a));
            case NOR -> bdd.not(or(a));
            case XOR -> {
                int r = Bdd.FALSE;
                for (int x : a) {
                    r = bdd.xor(r, x);
                }
                yield r;
            }
            case NOT -> bdd.not(a[0]);
            case NULL -> a[0];
            case IFF -> bdd.not(bdd.xor(a[0], a[1]));
            case IMPLY -> bdd.or(bdd.not(a[0]), a[1]);
            case ATLEAST -> atLeast(a, f.min());
            case CARDINALITY -> bdd.and(atLeast(a, f.min()), bdd.not(atLeast(a, f.max() + 1)));
        };
    }

    private int and(int[] a) {
        int r = Bdd.TRUE;
        for (int x : a) {
            r = bdd.and(r, x);
        }
        return r;
    }

    private int or(int[] a) {
        int r = Bdd.FALSE;
        for (int x : a) {
            r = bdd.or(r, x);
        }
        return r;
    }

    private int atLeast(int[] a, int k) {
        int n = a.length;
        if (k <= 0) {
            return Bdd.TRUE;
        }
        if (k > n) {
            return Bdd.FALSE;
        }
        int[] next = new int[k + 1];
        next[0] = Bdd.TRUE;
        for (int j = 1; j <= k; j++) {
            next[j] = Bdd.FALSE;
        }
        for (int i = n - 1; i >= 0; i--) {
            int[] cur = new int[k + 1];
            cur[0] = Bdd.TRUE;
            for (int j = 1; j <= k; j++) {
                cur[j] = bdd.or(bdd.and(a[i], next[j - 1]), next[j]);
            }
            next = cur;
        }
        return next[k];
    }
}
