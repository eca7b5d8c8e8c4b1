package dev.hindsight.engines.faulttree;

import dev.hindsight.engines.faulttree.internal.Bdd;
import dev.hindsight.engines.faulttree.internal.DeepStack;
import dev.hindsight.engines.faulttree.internal.Zbdd;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The quantitative analysis of one fault tree. {@link #of(FaultTree)} builds a reduced ordered BDD of the top event
 * (variables in depth-first order of first appearance, heaviest subtrees first); everything else is derived from it on demand and cached:
 *
 * <ul>
 *   <li>the exact top-event probability (Shannon decomposition on the BDD);
 *   <li>the minimal cut sets as a ZBDD (Rauzy's minimal-solutions algorithm). For a non-coherent tree (NOT, XOR, ...)
 *       these follow SCRAM: complemented literals are dropped and the result minimised, so a tree whose top event
 *       is true when every basic event is false has one empty cut set (UNITY); a top event that is never true has
 *       none (NULL). They are counted without being listed;
 *   <li>the rare-event approximation (sum of cut-set probabilities, capped at 1) and the min-cut upper bound;
 *   <li>importance factors ({@link Importance});
 *   <li>prime implicants (for small non-coherent trees).
 * </ul>
 *
 * <p>Instances are not thread-safe. Recursions run on a private deep-stack thread.
 */
public final class FaultTreeAnalysis {

    private static final int ENUMERATION_LIMIT = 200_000;

    private final FaultTree tree;
    private final Bdd bdd;
    private final int top;
    private final String[] names;
    private final double[] p;
    private final long compileNanos;
    private final boolean monotone;
    private Double probability;
    private Zbdd zbdd;
    private int mcs = -1;
    private Zbdd piZbdd;
    private int pis = -1;

    private FaultTreeAnalysis(FaultTree tree, BddCompiler compiler, int top, long compileNanos) {
        this.tree = tree;
        this.bdd = compiler.bdd();
        this.top = top;
        this.names = compiler.variables().toArray(String[]::new);
        this.p = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            p[i] = tree.basicEvents().get(names[i]).probability();
        }
        this.compileNanos = compileNanos;
        this.monotone = compiler.monotone();
    }

    /** Compiles {@code tree} into a BDD; never returns null. Throws NullPointerException when tree is null. */
    public static FaultTreeAnalysis of(FaultTree tree) {
        return of(tree, null);
    }

    /**
     * Compiles {@code tree} into a BDD under a time budget that also bounds every later computation of this analysis
     * (measured from now); never returns null.
     *
     * @param budget the time budget, or null for none
     * @throws AnalysisTimeoutException when building the BDD exceeds the budget (later methods throw it likewise)
     */
    public static FaultTreeAnalysis of(FaultTree tree, java.time.Duration budget) {
        long start = System.nanoTime();
        long deadline = budget == null ? Long.MAX_VALUE : start + budget.toNanos();
        BddCompiler compiler = new BddCompiler(tree, deadline);
        int top = run(compiler::compile);
        FaultTreeAnalysis a = new FaultTreeAnalysis(tree, compiler, top, System.nanoTime() - start);
        a.deadline = deadline;
        return a;
    }

    private long deadline = Long.MAX_VALUE;

    private static <T> T run(java.util.concurrent.Callable<T> task) {
        try {
            return DeepStack.run(task);
        } catch (dev.hindsight.engines.faulttree.internal.BudgetExceeded e) {
            throw new AnalysisTimeoutException(e.getMessage());
        }
    }

    /** The analysed tree, never null. */
    public FaultTree tree() {
        return tree;
    }

    /** The basic events that influence the top event, in BDD variable order; never null. */
    public List<String> variables() {
        return List.of(names);
    }

    /** Nanoseconds spent building the BDD. */
    public long compileNanos() {
        return compileNanos;
    }

    /** The number of BDD nodes created (terminals included). */
    public int bddNodeCount() {
        return bdd.nodeCount();
    }

    /** The exact probability of the top event, in [0, 1]. */
    public double topProbability() {
        if (probability == null) {
            probability = run(() -> bdd.probability(top, p));
        }
        return probability;
    }

    private int mcsRoot() {
        if (mcs < 0) {
            zbdd = new Zbdd();
            zbdd.deadline = deadline;
            mcs = run(() -> zbdd.minimalSolutions(bdd, top, monotone));
        }
        return mcs;
    }

    /** The number of minimal cut sets (one for UNITY, zero for NULL), saturating at Long.MAX_VALUE. */
    public long minimalCutSetCount() {
        int root = mcsRoot();
        return run(() -> zbdd.count(root));
    }

    /**
     * The number of minimal cut sets of at most {@code maxOrder} events.
     *
     * @throws IllegalArgumentException when maxOrder is negative
     */
    public long minimalCutSetCount(int maxOrder) {
        return run(() -> {
            Truncated t = truncated(maxOrder);
            return t.zbdd.count(t.root);
        });
    }

    private record Truncated(Zbdd zbdd, int root) {}

    private Truncated truncated(int maxOrder) {
        if (maxOrder < 0) {
            throw new IllegalArgumentException("maxOrder must not be negative, got " + maxOrder);
        }
        int root = mcsRoot();
        return new Truncated(zbdd, maxOrder >= names.length ? root : zbdd.maxOrder(root, maxOrder));
    }

    /** The number of minimal cut sets of each order (index = order); never null, empty for NULL. */
    public List<Long> orderDistribution() {
        int root = mcsRoot();
        long[] d = run(() -> zbdd.orderDistribution(root));
        List<Long> out = new ArrayList<>(d.length);
        for (long x : d) {
            out.add(x);
        }
        return out;
    }

    /** The rare-event approximation: the sum of the minimal cut sets' probabilities, capped at 1. */
    public double rareEvent() {
        int root = mcsRoot();
        return Math.min(1.0, run(() -> zbdd.sumOfProducts(root, p)));
    }

    /** The rare-event approximation over the minimal cut sets of at most {@code maxOrder} events, capped at 1. */
    public double rareEvent(int maxOrder) {
        return run(() -> {
            Truncated t = truncated(maxOrder);
            return Math.min(1.0, t.zbdd.sumOfProducts(t.root, p));
        });
    }

    /**
     * The min-cut upper bound 1 - Π(1 - P(C)) over the minimal cut sets C. Computed exactly by enumeration for up to
     * 200,000 cut sets, otherwise from the series log(1 - x) = -Σ x^n/n evaluated on the ZBDD (exact to double
     * precision when every cut set has probability below 1).
     */
    public double minCutUpperBound() {
        int root = mcsRoot();
        return run(() -> {
            if (root == Zbdd.EMPTY) {
                return 0.0;
            }
            double max = zbdd.maxProducts(root, p)[root];
            if (max >= 1) {
                return 1.0;
            }
            if (zbdd.count(root) <= ENUMERATION_LIMIT) {
                double[] logSum = {0};
                forEachSet(zbdd, root, 1.0, prob -> logSum[0] += Math.log1p(-prob));
                return -Math.expm1(logSum[0]);
            }
            double[] w = p.clone();
            double log = 0;
            for (int n = 1; n <= 100_000; n++) {
                double term = zbdd.sumOfProducts(root, w) / n;
                log -= term;
                if (term <= 1e-17 * Math.abs(log)) {
                    break;
                }
                for (int i = 0; i < w.length; i++) {
                    w[i] *= p[i];
                }
            }
            return -Math.expm1(log);
        });
    }

    private interface ProbabilitySink {
        void accept(double probability);
    }

    private void forEachSet(Zbdd z, int f, double prefix, ProbabilitySink sink) {
        if (f == Zbdd.EMPTY) {
            return;
        }
        if (f == Zbdd.BASE) {
            sink.accept(prefix);
            return;
        }
        forEachSet(z, z.lo(f), prefix, sink);
        forEachSet(z, z.hi(f), prefix * p[z.var(f)], sink);
    }

    /**
     * The {@code limit} most probable minimal cut sets, most probable first (ties in variable order); never null.
     *
     * @throws IllegalArgumentException when limit is negative
     */
    public List<CutSet> minimalCutSets(int limit) {
        return minimalCutSets(limit, Integer.MAX_VALUE);
    }

    /** Like {@link #minimalCutSets(int)}, among the cut sets of at most {@code maxOrder} events. */
    public List<CutSet> minimalCutSets(int limit, int maxOrder) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        return run(() -> {
            Truncated t = truncated(Math.min(maxOrder, names.length));
            return mostProbable(t.zbdd, t.root, p, limit, false);
        });
    }

    /** The number of prime implicants (products of literals, complements kept); for small trees. */
    public long primeImplicantCount() {
        int root = piRoot();
        return run(() -> piZbdd.count(root));
    }

    /** The {@code limit} most probable prime implicants, most probable first; never null. For small trees. */
    public List<CutSet> primeImplicants(int limit) {
        int root = piRoot();
        double[] w = new double[2 * names.length];
        for (int i = 0; i < names.length; i++) {
            w[2 * i] = p[i];
            w[2 * i + 1] = 1 - p[i];
        }
        return run(() -> mostProbable(piZbdd, root, w, limit, true));
    }

    /** How many prime implicants mention each basic event (as itself or complemented), by event name; never null. */
    public Map<String, Long> primeImplicantOccurrences() {
        int root = piRoot();
        long[] occ = new long[2 * names.length];
        run(() -> piZbdd.partialSums(root, new double[2 * names.length], occ));
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], occ[2 * i] + occ[2 * i + 1]);
        }
        return out;
    }

    private int piRoot() {
        if (pis < 0) {
            piZbdd = new Zbdd();
            piZbdd.deadline = deadline;
            pis = run(() -> piZbdd.primeImplicants(bdd, top));
        }
        return pis;
    }

    private record Search(int node, double prefix, double bound, Search parent, int literal) {}

    private List<CutSet> mostProbable(Zbdd z, int root, double[] w, int limit, boolean literals) {
        List<CutSet> out = new ArrayList<>();
        if (root == Zbdd.EMPTY || limit == 0) {
            return out;
        }
        double[] max = z.maxProducts(root, w);
        PriorityQueue<Search> queue =
                new PriorityQueue<>(Comparator.comparingDouble(Search::bound).reversed());
        queue.add(new Search(root, 1.0, max[root], null, -1));
        while (!queue.isEmpty() && out.size() < limit) {
            Search s = queue.poll();
            if (s.node == Zbdd.BASE) {
                out.add(toCutSet(s, literals));
                continue;
            }
            int lo = z.lo(s.node);
            int hi = z.hi(s.node);
            int v = z.var(s.node);
            if (lo != Zbdd.EMPTY) {
                queue.add(new Search(lo, s.prefix, s.prefix * max[lo], s.parent, -1));
            }
            double hp = s.prefix * w[v];
            queue.add(new Search(hi, hp, hp * max[hi], new Search(-1, 0, 0, s.parent, v), -1));
        }
        return out;
    }

    private CutSet toCutSet(Search s, boolean literals) {
        List<Integer> lits = new ArrayList<>();
        for (Search link = s.parent; link != null; link = link.parent) {
            lits.add(0, link.literal);
        }
        List<String> pos = new ArrayList<>();
        List<String> neg = new ArrayList<>();
        double prob = 1;
        for (int lit : lits) {
            if (!literals) {
                pos.add(names[lit]);
                prob *= p[lit];
            } else if (lit % 2 == 0) {
                pos.add(names[lit / 2]);
                prob *= p[lit / 2];
            } else {
                neg.add(names[lit / 2]);
                prob *= 1 - p[lit / 2];
            }
        }
        return new CutSet(pos, neg, prob);
    }

    /**
     * Importance factors of every basic event of the tree, exact: MIF from the BDD and P the exact top-event
     * probability; occurrence and Fussell-Vesely from the minimal cut sets. Events that cannot influence the top
     * event have MIF 0. Never null; in the tree's definition order.
     */
    public List<Importance> importance() {
        int root = mcsRoot();
        double top = topProbability();
        return run(() -> {
            double[] mif = bdd.birnbaum(this.top, p);
            return importanceRows(root, mif, top);
        });
    }

    /**
     * Importance factors under the rare-event approximation: P is the (uncapped) sum of the minimal cut sets'
     * probabilities and MIF its derivative with respect to the event's probability. Never null.
     */
    public List<Importance> rareEventImportance() {
        int root = mcsRoot();
        return run(() -> {
            double total = zbdd.sumOfProducts(root, p);
            double[] mif = zbdd.partialSums(root, p, new long[names.length]);
            return importanceRows(root, mif, total);
        });
    }

    private List<Importance> importanceRows(int root, double[] mif, double top) {
        long[] occ = new long[names.length];
        double[] partial = zbdd.partialSums(root, p, occ);
        double total = zbdd.sumOfProducts(root, p);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
        }
        List<Importance> out = new ArrayList<>();
        for (BasicEvent e : tree.basicEvents().values()) {
            Integer i = index.get(e.name());
            if (i == null) {
                out.add(Importance.of(e.name(), e.probability(), 0, 0, top, 0));
            } else {
                double fv = total == 0 ? 0 : p[i] * partial[i] / total;
                out.add(Importance.of(e.name(), p[i], occ[i], mif[i], top, fv));
            }
        }
        return out;
    }

    /** The size of the minimal-cut-set ZBDD in nodes (terminals included), building it if needed. */
    public int zbddNodeCount() {
        mcsRoot();
        return zbdd.nodeCount();
    }

    /**
     * Computes the headline numbers, the {@code topN} most probable minimal cut sets and the {@code topN} basic
     * events of highest Fussell-Vesely importance; never null.
     *
     * @throws IllegalArgumentException when topN is negative
     */
    public FaultTreeReport report(int topN) {
        if (topN < 0) {
            throw new IllegalArgumentException("topN must not be negative, got " + topN);
        }
        long start = System.nanoTime();
        long count = minimalCutSetCount();
        double exact = topProbability();
        double rare = rareEvent();
        double mcub = minCutUpperBound();
        List<CutSet> cutSets = minimalCutSets(topN);
        List<Importance> ranked = new ArrayList<>(importance());
        ranked.sort(
                Comparator.comparingDouble(Importance::fussellVesely).reversed().thenComparing(Importance::event));
        long elapsed = (System.nanoTime() - start + compileNanos) / 1_000_000;
        return new FaultTreeReport(
                tree.name(),
                tree.top(),
                tree.gates().size(),
                tree.basicEvents().size(),
                count,
                orderDistribution(),
                exact,
                rare,
                mcub,
                cutSets,
                ranked.subList(0, Math.min(topN, ranked.size())),
                bdd.nodeCount(),
                elapsed);
    }
}
