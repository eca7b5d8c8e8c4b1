package dev.hindsight.engines.faulttree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Random small fault trees (at most 10 basic events) checked against brute-force enumeration of all states. */
class FaultTreePropertyTests {

    static Stream<Long> seeds() {
        return IntStream.range(0, 150).mapToObj(i -> 1000L + i);
    }

    private record Case(FaultTree tree, List<String> events, double[] p, boolean coherent) {}

    private static Case randomTree(long seed, boolean coherentOnly) {
        return randomTree(seed, coherentOnly, 10);
    }

    private static Case randomTree(long seed, boolean coherentOnly, int maxEvents) {
        Random r = new Random(seed);
        int n = 2 + r.nextInt(maxEvents - 1);
        FaultTreeBuilder b = FaultTree.builder("random-" + seed);
        List<String> events = new ArrayList<>();
        double[] p = new double[n];
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String e = "e" + i;
            events.add(e);
            p[i] = r.nextInt(10) == 0 ? r.nextInt(2) : r.nextDouble();
            b.basicEvent(e, p[i]);
            pool.add(e);
        }
        if (!coherentOnly && r.nextBoolean()) {
            b.houseEvent("h", r.nextBoolean());
            pool.add("h");
        }
        Connective[] all = coherentOnly
                ? new Connective[] {Connective.AND, Connective.OR, Connective.ATLEAST}
                : Connective.values();
        int gates = 1 + r.nextInt(6);
        String last = null;
        boolean coherent = true;
        for (int g = 0; g < gates; g++) {
            Connective c = all[r.nextInt(all.length)];
            int arity = switch (c) {
                case NOT, NULL -> 1;
                case IFF, IMPLY -> 2;
                default -> 2 + r.nextInt(3);
            };
            List<Argument> args = new ArrayList<>();
            for (int i = 0; i < arity; i++) {
                String ref = pool.get(r.nextInt(pool.size()));
                if (!coherentOnly && r.nextInt(6) == 0) {
                    args.add(new Formula(Connective.NOT, 0, 0, List.of(new EventRef(ref))));
                    coherent = false;
                } else {
                    args.add(new EventRef(ref));
                }
            }
            int min = c == Connective.ATLEAST
                    ? 1 + r.nextInt(arity)
                    : c == Connective.CARDINALITY ? r.nextInt(arity + 1) : 0;
            int max = c == Connective.CARDINALITY ? min + r.nextInt(arity - min + 1) : 0;
            String name = "g" + g;
            b.gate(name, new Formula(c, min, max, args));
            pool.add(name);
            last = name;
            if (c != Connective.AND && c != Connective.OR && c != Connective.ATLEAST && c != Connective.NULL) {
                coherent = false;
            }
        }
        return new Case(b.top(last).build(), events, p, coherent);
    }

    private static boolean eval(FaultTree t, Argument a, int state, List<String> events) {
        return switch (a) {
            case EventRef ref -> {
                Gate g = t.gates().get(ref.name());
                if (g != null) {
                    yield eval(t, g.formula(), state, events);
                }
                HouseEvent h = t.houseEvents().get(ref.name());
                if (h != null) {
                    yield h.state();
                }
                yield (state >> events.indexOf(ref.name()) & 1) == 1;
            }
            case Formula f -> {
                int trues = 0;
                for (Argument x : f.args()) {
                    if (eval(t, x, state, events)) {
                        trues++;
                    }
                }
                int n = f.args().size();
                yield switch (f.connective()) {
                    case AND -> trues == n;
                    case OR -> trues > 0;
                    case ATLEAST -> trues >= f.min();
                    case CARDINALITY -> trues >= f.min() && trues <= f.max();
                    case NOT -> trues == 0;
                    case XOR -> trues % 2 == 1;
                    case NAND -> trues < n;
                    case NOR -> trues == 0;
                    case IFF ->
                        eval(t, f.args().get(0), state, events)
                                == eval(t, f.args().get(1), state, events);
                    case IMPLY ->
                        !eval(t, f.args().get(0), state, events)
                                || eval(t, f.args().get(1), state, events);
                    case NULL -> trues == 1;
                };
            }
        };
    }

    private static boolean[] truthTable(Case c) {
        int n = c.events.size();
        boolean[] truth = new boolean[1 << n];
        Argument top = new EventRef(c.tree.top());
        for (int s = 0; s < truth.length; s++) {
            truth[s] = eval(c.tree, top, s, c.events);
        }
        return truth;
    }

    private static double bruteProbability(boolean[] truth, double[] p) {
        double total = 0;
        for (int s = 0; s < truth.length; s++) {
            if (truth[s]) {
                double w = 1;
                for (int i = 0; i < p.length; i++) {
                    w *= (s >> i & 1) == 1 ? p[i] : 1 - p[i];
                }
                total += w;
            }
        }
        return total;
    }

    private static Set<Set<String>> bruteMinimalSolutions(boolean[] truth, List<String> events) {
        Set<Set<String>> out = new HashSet<>();
        for (int s = 0; s < truth.length; s++) {
            if (!truth[s]) {
                continue;
            }
            boolean minimal = true;
            for (int sub = (s - 1) & s; minimal && sub != s; sub = (sub - 1) & s) {
                if (truth[sub]) {
                    minimal = false;
                }
                if (sub == 0) {
                    break;
                }
            }
            if (minimal && s != 0 && truth[0]) {
                minimal = false;
            }
            if (minimal) {
                Set<String> set = new HashSet<>();
                for (int i = 0; i < events.size(); i++) {
                    if ((s >> i & 1) == 1) {
                        set.add(events.get(i));
                    }
                }
                out.add(set);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void bddProbabilityEqualsEnumerationOfAllStates(long seed) {
        Case c = randomTree(seed, false);
        boolean[] truth = truthTable(c);
        FaultTreeAnalysis a = FaultTreeAnalysis.of(c.tree);
        assertThat(a.topProbability()).isCloseTo(bruteProbability(truth, c.p), within(1e-12));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void minimalCutSetsEqualBruteForceMinimalSolutions(long seed) {
        Case c = randomTree(seed, false);
        Set<Set<String>> expected = bruteMinimalSolutions(truthTable(c), c.events);
        FaultTreeAnalysis a = FaultTreeAnalysis.of(c.tree);
        Set<Set<String>> actual = a.minimalCutSets(100_000).stream()
                .map(x -> Set.copyOf(x.events()))
                .collect(Collectors.toSet());
        assertThat(actual).isEqualTo(expected);
        assertThat(a.minimalCutSetCount()).isEqualTo(expected.size());
        long distributionTotal =
                a.orderDistribution().stream().mapToLong(Long::longValue).sum();
        assertThat(distributionTotal).isEqualTo(expected.size());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void truncatedCutSetCountsEqualTheFullListFilteredByOrder(long seed) {
        Case c = randomTree(seed, seed % 2 == 0);
        Set<Set<String>> all = bruteMinimalSolutions(truthTable(c), c.events);
        for (int k = 0; k <= c.events.size(); k++) {
            int order = k;
            long expected = all.stream().filter(s -> s.size() <= order).count();
            FaultTreeAnalysis fresh = FaultTreeAnalysis.of(c.tree);
            assertThat(fresh.minimalCutSetCount(k)).as("order <= " + k).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void primeImplicantsAreExactlyThePrimeImplicantsOfTheTruthTable(long seed) {
        Case c = randomTree(seed, false, 7);
        boolean[] truth = truthTable(c);
        int n = c.events.size();
        Set<Set<String>> expected = new HashSet<>();
        int terms = (int) Math.pow(3, n);
        boolean[] implicant = new boolean[terms];
        for (int t = 0; t < terms; t++) {
            implicant[t] = isImplicant(t, n, truth);
        }
        for (int t = 0; t < terms; t++) {
            if (!implicant[t]) {
                continue;
            }
            boolean prime = true;
            int pow = 1;
            for (int i = 0; i < n; i++, pow *= 3) {
                int digit = t / pow % 3;
                if (digit != 0 && implicant[t - digit * pow]) {
                    prime = false;
                }
            }
            if (prime) {
                Set<String> lits = new HashSet<>();
                pow = 1;
                for (int i = 0; i < n; i++, pow *= 3) {
                    int digit = t / pow % 3;
                    if (digit == 1) {
                        lits.add(c.events.get(i));
                    } else if (digit == 2) {
                        lits.add("not " + c.events.get(i));
                    }
                }
                expected.add(lits);
            }
        }
        FaultTreeAnalysis a = FaultTreeAnalysis.of(c.tree);
        Set<Set<String>> actual = a.primeImplicants(100_000).stream()
                .map(x -> {
                    Set<String> s = new HashSet<>(x.events());
                    x.complemented().forEach(e -> s.add("not " + e));
                    return s;
                })
                .collect(Collectors.toSet());
        assertThat(actual).isEqualTo(expected);
        assertThat(a.primeImplicantCount()).isEqualTo(expected.size());
    }

    private static boolean isImplicant(int term, int n, boolean[] truth) {
        for (int s = 0; s < truth.length; s++) {
            boolean matches = true;
            int pow = 1;
            for (int i = 0; i < n && matches; i++, pow *= 3) {
                int digit = term / pow % 3;
                boolean bit = (s >> i & 1) == 1;
                if ((digit == 1 && !bit) || (digit == 2 && bit)) {
                    matches = false;
                }
            }
            if (matches && !truth[s]) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void birnbaumImportanceEqualsConditionalProbabilityDifference(long seed) {
        Case c = randomTree(seed, false);
        boolean[] truth = truthTable(c);
        FaultTreeAnalysis a = FaultTreeAnalysis.of(c.tree);
        for (Importance imp : a.importance()) {
            int i = c.events.indexOf(imp.event());
            double[] up = c.p.clone();
            up[i] = 1;
            double[] down = c.p.clone();
            down[i] = 0;
            assertThat(imp.mif())
                    .as(imp.event())
                    .isCloseTo(bruteProbability(truth, up) - bruteProbability(truth, down), within(1e-12));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void approximationsBoundTheExactProbabilityOfCoherentTrees(long seed) {
        Case c = randomTree(seed, true);
        FaultTreeAnalysis a = FaultTreeAnalysis.of(c.tree);
        double exact = a.topProbability();
        double mcub = a.minCutUpperBound();
        double rare = a.rareEvent();
        assertThat(mcub).isGreaterThanOrEqualTo(exact - 1e-12);
        assertThat(rare).isGreaterThanOrEqualTo(mcub - 1e-12);
        assertThat(rare).isLessThanOrEqualTo(1.0);
    }
}
