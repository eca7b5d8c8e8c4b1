package dev.hindsight.engines.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.engines.bayes.io.NetworkFiles;
import dev.hindsight.testing.SharedData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Variable elimination agrees with enumeration of the full joint on the small benchmark networks. */
class VariableEliminationPropertyTests {

    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String net : List.of("asia.bif", "earthquake.bif", "survey.bif")) {
            for (long seed = 1; seed <= 40; seed++) {
                cases.add(Arguments.of(net, seed));
            }
        }
        return cases.stream();
    }

    private static BayesianNetwork load(String file) throws IOException {
        return NetworkFiles.read(SharedData.require("bayesnets/" + file));
    }

    static Evidence randomEvidence(BayesianNetwork network, Random random, boolean allowSoft) {
        Evidence evidence = Evidence.none();
        for (Variable v : network.variables()) {
            double roll = random.nextDouble();
            if (roll < 0.25) {
                evidence = evidence.and(v.name(), v.states().get(random.nextInt(v.cardinality())));
            } else if (allowSoft && roll < 0.4) {
                double[] weights = new double[v.cardinality()];
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = 0.05 + random.nextDouble();
                }
                evidence = evidence.andLikelihood(v.name(), weights);
            }
        }
        return evidence;
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void matchesEnumerationForRandomEvidence(String file, long seed) throws IOException {
        BayesianNetwork network = load(file);
        BruteForce brute = new BruteForce(network);
        VariableElimination ve = new VariableElimination(network);
        Random random = new Random(seed);
        Evidence evidence = randomEvidence(network, random, true);
        double pe = brute.probabilityOfEvidence(evidence);
        assertThat(ve.probabilityOfEvidence(evidence)).isCloseTo(pe, within(TOLERANCE));
        List<Variable> vars = network.variables();
        String single = vars.get(random.nextInt(vars.size())).name();
        String other = vars.get(random.nextInt(vars.size())).name();
        if (pe == 0) {
            assertThatThrownBy(() -> ve.marginal(single, evidence)).isInstanceOf(ImpossibleEvidenceException.class);
            return;
        }
        assertClose(ve.marginal(single, evidence).probabilities(), brute.joint(List.of(single), evidence));
        if (!other.equals(single)) {
            List<String> pair = List.of(single, other);
            assertClose(ve.joint(pair, evidence).probabilities(), brute.joint(pair, evidence));
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void findsTheMostProbableExplanationOfEnumeration(String file, long seed) throws IOException {
        BayesianNetwork network = load(file);
        BruteForce brute = new BruteForce(network);
        VariableElimination ve = new VariableElimination(network);
        Evidence evidence = randomEvidence(network, new Random(seed * 7919), seed % 3 == 0);
        double pe = brute.probabilityOfEvidence(evidence);
        if (pe == 0) {
            assertThatThrownBy(() -> ve.mostProbableExplanation(evidence))
                    .isInstanceOf(ImpossibleEvidenceException.class);
            return;
        }
        Explanation mpe = ve.mostProbableExplanation(evidence);
        double best = brute.maxWeight(evidence);
        assertThat(mpe.assignment()).hasSize(network.size() - evidence.hard().size());
        assertThat(brute.weight(brute.assignmentOf(mpe.assignment(), evidence), evidence))
                .isCloseTo(best, within(TOLERANCE));
        assertThat(mpe.jointProbability()).isCloseTo(best, within(TOLERANCE));
        assertThat(mpe.posteriorProbability()).isCloseTo(best / pe, within(1e-7));
    }

    private static void assertClose(List<Double> actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i)).as("entry " + i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }
}
