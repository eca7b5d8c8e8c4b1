package dev.hindsight.engines.faulttree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultTreeAnalysisTests {

    private static final double P1 = 0.1;
    private static final double P2 = 0.2;
    private static final double V1 = 0.3;
    private static final double V2 = 0.4;

    private static FaultTree twoTrain() {
        return FaultTree.builder("two-train")
                .gate("top", Connective.AND, "train1", "train2")
                .gate("train1", Connective.OR, "pump1", "valve1")
                .gate("train2", Connective.OR, "pump2", "valve2")
                .basicEvent("pump1", P1)
                .basicEvent("pump2", P2)
                .basicEvent("valve1", V1)
                .basicEvent("valve2", V2)
                .build();
    }

    private static Set<Set<String>> sets(List<CutSet> cutSets) {
        return cutSets.stream().map(c -> Set.copyOf(c.events())).collect(Collectors.toSet());
    }

    @Test
    void computesTheExactProbabilityOfTwoTrain() {
        double train1 = 1 - (1 - P1) * (1 - V1);
        double train2 = 1 - (1 - P2) * (1 - V2);
        assertThat(FaultTreeAnalysis.of(twoTrain()).topProbability()).isCloseTo(train1 * train2, within(1e-15));
    }

    @Test
    void findsTheFourMinimalCutSetsOfTwoTrain() {
        FaultTreeAnalysis a = FaultTreeAnalysis.of(twoTrain());
        assertThat(a.minimalCutSetCount()).isEqualTo(4);
        assertThat(sets(a.minimalCutSets(10)))
                .containsExactlyInAnyOrder(
                        Set.of("pump1", "pump2"),
                        Set.of("pump1", "valve2"),
                        Set.of("valve1", "pump2"),
                        Set.of("valve1", "valve2"));
        assertThat(a.orderDistribution()).containsExactly(0L, 0L, 4L);
    }

    @Test
    void computesRareEventAndMinCutUpperBoundOfTwoTrain() {
        FaultTreeAnalysis a = FaultTreeAnalysis.of(twoTrain());
        double[] products = {P1 * P2, P1 * V2, V1 * P2, V1 * V2};
        double sum = 0;
        double none = 1;
        for (double q : products) {
            sum += q;
            none *= 1 - q;
        }
        assertThat(a.rareEvent()).isCloseTo(sum, within(1e-15));
        assertThat(a.minCutUpperBound()).isCloseTo(1 - none, within(1e-15));
    }

    @Test
    void listsCutSetsMostProbableFirstWithinTheLimit() {
        List<CutSet> top2 = FaultTreeAnalysis.of(twoTrain()).minimalCutSets(2);
        assertThat(top2).hasSize(2);
        assertThat(top2.get(0).events()).containsExactlyInAnyOrder("valve1", "valve2");
        assertThat(top2.get(0).probability()).isCloseTo(V1 * V2, within(1e-15));
        assertThat(top2.get(1).events()).containsExactlyInAnyOrder("valve1", "pump2");
        assertThatThrownBy(() -> FaultTreeAnalysis.of(twoTrain()).minimalCutSets(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void computesImportanceFactorsOfTwoTrainFromTheirDefinitions() {
        FaultTreeAnalysis a = FaultTreeAnalysis.of(twoTrain());
        double train1 = 1 - (1 - P1) * (1 - V1);
        double train2 = 1 - (1 - P2) * (1 - V2);
        double top = train1 * train2;
        Importance pump1 = a.importance().stream()
                .filter(i -> i.event().equals("pump1"))
                .findFirst()
                .orElseThrow();
        double mif = (1 - V1) * train2;
        assertThat(pump1.mif()).isCloseTo(mif, within(1e-15));
        assertThat(pump1.cif()).isCloseTo(P1 * mif / top, within(1e-12));
        assertThat(pump1.raw()).isCloseTo(1 + (1 - P1) * mif / top, within(1e-12));
        assertThat(pump1.dif()).isCloseTo(P1 * (1 + (1 - P1) * mif / top), within(1e-12));
        assertThat(pump1.rrw()).isCloseTo(top / (top - P1 * mif), within(1e-12));
        assertThat(pump1.occurrence()).isEqualTo(2);
        double fv = (P1 * P2 + P1 * V2) / (P1 * P2 + P1 * V2 + V1 * P2 + V1 * V2);
        assertThat(pump1.fussellVesely()).isCloseTo(fv, within(1e-12));
    }

    @Test
    void countsASharedSubtreeOnce() {
        double a = 0.1;
        double b = 0.2;
        double c = 0.3;
        double d = 0.4;
        FaultTree tree = FaultTree.builder("shared")
                .gate("top", Connective.OR, "left", "right")
                .gate("left", Connective.AND, "A", "S")
                .gate("right", Connective.AND, "B", "S")
                .gate("S", Connective.OR, "C", "D")
                .basicEvent("A", a)
                .basicEvent("B", b)
                .basicEvent("C", c)
                .basicEvent("D", d)
                .build();
        FaultTreeAnalysis analysis = FaultTreeAnalysis.of(tree);
        double s = 1 - (1 - c) * (1 - d);
        assertThat(analysis.topProbability()).isCloseTo(s * (1 - (1 - a) * (1 - b)), within(1e-15));
        assertThat(analysis.minimalCutSetCount()).isEqualTo(4);
    }

    @Test
    void computesTwoOutOfThree() {
        double a = 0.1;
        double b = 0.2;
        double c = 0.3;
        FaultTree tree = FaultTree.builder("vote")
                .atLeast("top", 2, "A", "B", "C")
                .basicEvent("A", a)
                .basicEvent("B", b)
                .basicEvent("C", c)
                .build();
        FaultTreeAnalysis analysis = FaultTreeAnalysis.of(tree);
        assertThat(analysis.topProbability()).isCloseTo(a * b + a * c + b * c - 2 * a * b * c, within(1e-15));
        assertThat(sets(analysis.minimalCutSets(10)))
                .containsExactlyInAnyOrder(Set.of("A", "B"), Set.of("A", "C"), Set.of("B", "C"));
    }

    @Test
    void dropsComplementsFromCutSetsButKeepsThemInPrimeImplicants() {
        double a = 0.1;
        double b = 0.2;
        FaultTree tree = FaultTree.builder("xor")
                .gate("top", Connective.XOR, "A", "B")
                .basicEvent("A", a)
                .basicEvent("B", b)
                .build();
        FaultTreeAnalysis analysis = FaultTreeAnalysis.of(tree);
        assertThat(analysis.topProbability()).isCloseTo(a * (1 - b) + b * (1 - a), within(1e-15));
        assertThat(sets(analysis.minimalCutSets(10))).containsExactlyInAnyOrder(Set.of("A"), Set.of("B"));
        List<CutSet> pis = analysis.primeImplicants(10);
        assertThat(pis).hasSize(2);
        assertThat(pis).anySatisfy(c -> {
            assertThat(c.events()).containsExactly("B");
            assertThat(c.complemented()).containsExactly("A");
            assertThat(c.probability()).isCloseTo(b * (1 - a), within(1e-15));
        });
    }

    @Test
    void treatsHouseEventsAsConstants() {
        FaultTree tree = FaultTree.builder("house")
                .gate("top", Connective.OR, "blocked", "A")
                .gate("blocked", Connective.AND, "H", "B")
                .houseEvent("H", false)
                .basicEvent("A", 0.1)
                .basicEvent("B", 0.2)
                .build();
        assertThat(FaultTreeAnalysis.of(tree).topProbability()).isCloseTo(0.1, within(1e-15));
        FaultTreeAnalysis on = FaultTreeAnalysis.of(tree.withHouseEvent("H", true));
        assertThat(on.topProbability()).isCloseTo(1 - 0.9 * 0.8, within(1e-15));
        assertThat(on.minimalCutSetCount()).isEqualTo(2);
    }

    @Test
    void reportsUnityAsOneEmptyCutSetAndNullAsNone() {
        FaultTree unity = FaultTree.builder("unity")
                .gate("top", Connective.OR, "A", "H")
                .basicEvent("A", 0.1)
                .houseEvent("H", true)
                .build();
        FaultTreeAnalysis u = FaultTreeAnalysis.of(unity);
        assertThat(u.minimalCutSetCount()).isEqualTo(1);
        assertThat(u.minimalCutSets(5).get(0).events()).isEmpty();
        assertThat(u.topProbability()).isEqualTo(1.0);
        FaultTreeAnalysis n =
                FaultTreeAnalysis.of(unity.withHouseEvent("H", false).withTop("top"));
        assertThat(n.minimalCutSetCount()).isEqualTo(1);
        FaultTree nothing = FaultTree.builder("null")
                .gate("top", Connective.AND, "A", "H")
                .basicEvent("A", 0.1)
                .houseEvent("H", false)
                .build();
        assertThat(FaultTreeAnalysis.of(nothing).minimalCutSetCount()).isZero();
        assertThat(FaultTreeAnalysis.of(nothing).minimalCutSets(5)).isEmpty();
    }

    @Test
    void truncatesCutSetsByOrder() {
        FaultTree tree = FaultTree.builder("orders")
                .gate("top", Connective.OR, "A", "pair", "triple")
                .gate("pair", Connective.AND, "B", "C")
                .gate("triple", Connective.AND, "D", "E", "F")
                .basicEvent("A", 0.1)
                .basicEvent("B", 0.1)
                .basicEvent("C", 0.1)
                .basicEvent("D", 0.1)
                .basicEvent("E", 0.1)
                .basicEvent("F", 0.1)
                .build();
        FaultTreeAnalysis a = FaultTreeAnalysis.of(tree);
        assertThat(a.minimalCutSetCount(0)).isZero();
        assertThat(a.minimalCutSetCount(1)).isEqualTo(1);
        assertThat(a.minimalCutSetCount(2)).isEqualTo(2);
        assertThat(a.minimalCutSetCount(3)).isEqualTo(3);
        assertThat(a.minimalCutSets(10, 2))
                .allSatisfy(c -> assertThat(c.order()).isLessThanOrEqualTo(2));
        assertThat(a.rareEvent(2)).isCloseTo(0.1 + 0.01, within(1e-15));
        assertThat(a.minimalCutSetCount()).isEqualTo(3);
        assertThat(a.minimalCutSetCount(2)).isEqualTo(2);
    }

    @Test
    void computesMinCutUpperBoundFromTheSeriesWhenThereAreManyCutSets() {
        double q = 0.05;
        FaultTreeBuilder b = FaultTree.builder("wide");
        String[] trains = new String[6];
        for (int t = 0; t < 6; t++) {
            String[] events = new String[8];
            for (int e = 0; e < 8; e++) {
                events[e] = "e" + t + "_" + e;
                b.basicEvent(events[e], q);
            }
            trains[t] = "train" + t;
            b.gate(trains[t], Connective.OR, events);
        }
        FaultTreeAnalysis a = FaultTreeAnalysis.of(
                b.gate("top", Connective.AND, trains).top("top").build());
        long count = (long) Math.pow(8, 6);
        assertThat(a.minimalCutSetCount()).isEqualTo(count);
        double each = Math.pow(q, 6);
        assertThat(a.minCutUpperBound()).isCloseTo(-Math.expm1(count * Math.log1p(-each)), within(1e-13));
        assertThat(a.rareEvent()).isCloseTo(count * each, within(1e-13));
        assertThat(a.topProbability()).isCloseTo(Math.pow(1 - Math.pow(1 - q, 8), 6), within(1e-13));
    }

    @Test
    void rejectsUndefinedReferencesAndCycles() {
        assertThatThrownBy(() -> FaultTree.builder("bad")
                        .gate("top", Connective.OR, "A", "missing")
                        .basicEvent("A", 0.1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> FaultTree.builder("cycle")
                        .gate("top", Connective.OR, "A", "g")
                        .gate("g", Connective.AND, "top", "A")
                        .basicEvent("A", 0.1)
                        .top("top")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> FaultTree.builder("p").basicEvent("A", 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stopsWhenTheTimeBudgetRunsOut() {
        FaultTreeBuilder b = FaultTree.builder("vote");
        String[] events = new String[300];
        for (int i = 0; i < events.length; i++) {
            events[i] = "e" + i;
            b.basicEvent(events[i], 0.01);
        }
        FaultTree tree = b.atLeast("top", 100, events).build();
        assertThatThrownBy(() -> FaultTreeAnalysis.of(tree, java.time.Duration.ofNanos(1)))
                .isInstanceOf(AnalysisTimeoutException.class)
                .hasMessageContaining("time budget");
        assertThat(FaultTreeAnalysis.of(tree, java.time.Duration.ofMinutes(5)).bddNodeCount())
                .isGreaterThan(1 << 14);
    }
}
