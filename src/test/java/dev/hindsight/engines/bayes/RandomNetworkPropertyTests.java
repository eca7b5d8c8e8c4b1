package dev.hindsight.engines.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.engines.bayes.io.BifReader;
import dev.hindsight.engines.bayes.io.BifWriter;
import dev.hindsight.engines.bayes.io.XmlBifReader;
import dev.hindsight.engines.bayes.io.XmlBifWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Variable elimination agrees with enumeration on random networks, which need no shared data. */
class RandomNetworkPropertyTests {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 100);
    }

    /** A random DAG over 2 to 8 variables of 2 to 3 states, up to 3 parents each, some zero probabilities. */
    static BayesianNetwork randomNetwork(Random random) {
        int n = 2 + random.nextInt(7);
        BayesianNetwork.Builder builder = BayesianNetwork.builder();
        List<Integer> cards = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = 2 + random.nextInt(2);
            cards.add(k);
            List<String> states = new ArrayList<>();
            for (int s = 0; s < k; s++) {
                states.add("s" + s);
            }
            builder.variable("v" + i, states);
        }
        for (int i = 0; i < n; i++) {
            List<String> parents = new ArrayList<>();
            int rows = 1;
            for (int p = 0; p < i && parents.size() < 3; p++) {
                if (random.nextDouble() < 0.4) {
                    parents.add("v" + p);
                    rows *= cards.get(p);
                }
            }
            int k = cards.get(i);
            double[] values = new double[rows * k];
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int s = 0; s < k; s++) {
                    values[r * k + s] = random.nextDouble() < 0.1 ? 0 : random.nextDouble();
                    sum += values[r * k + s];
                }
                if (sum == 0) {
                    values[r * k] = sum = 1;
                }
                for (int s = 0; s < k; s++) {
                    values[r * k + s] /= sum;
                }
            }
            builder.parents("v" + i, parents).table("v" + i, values);
        }
        return builder.rowTolerance(1e-9).build();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matchesEnumerationOnRandomNetworks(long seed) {
        Random random = new Random(seed);
        BayesianNetwork network = randomNetwork(random);
        BruteForce brute = new BruteForce(network);
        VariableElimination ve = new VariableElimination(network);
        Evidence evidence = VariableEliminationPropertyTests.randomEvidence(network, random, true);
        double pe = brute.probabilityOfEvidence(evidence);
        assertThat(ve.probabilityOfEvidence(evidence)).isCloseTo(pe, within(1e-12));
        List<String> names = network.variables().stream().map(Variable::name).toList();
        if (pe == 0) {
            assertThatThrownBy(() -> ve.joint(names.subList(0, 1), evidence))
                    .isInstanceOf(ImpossibleEvidenceException.class);
            assertThatThrownBy(() -> ve.mostProbableExplanation(evidence))
                    .isInstanceOf(ImpossibleEvidenceException.class);
            return;
        }
        List<String> query = new ArrayList<>(names);
        java.util.Collections.shuffle(query, random);
        query = query.subList(0, 1 + random.nextInt(Math.min(3, query.size())));
        double[] expected = brute.joint(query, evidence);
        List<Double> actual = ve.joint(query, evidence).probabilities();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i)).as("entry " + i + " of " + query).isCloseTo(expected[i], within(1e-9));
        }
        Explanation mpe = ve.mostProbableExplanation(evidence);
        double best = brute.maxWeight(evidence);
        assertThat(brute.weight(brute.assignmentOf(mpe.assignment(), evidence), evidence))
                .isCloseTo(best, within(1e-12));
        assertThat(mpe.posteriorProbability()).isCloseTo(best / pe, within(1e-9));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void roundTripsRandomNetworksThroughBifAndXmlBif(long seed) {
        BayesianNetwork network = randomNetwork(new Random(seed));
        for (BayesianNetwork copy :
                List.of(BifReader.parse(BifWriter.write(network)), XmlBifReader.parse(XmlBifWriter.write(network)))) {
            assertThat(copy.variables()).isEqualTo(network.variables());
            for (Variable v : network.variables()) {
                assertThat(copy.parents(v.name())).isEqualTo(network.parents(v.name()));
                assertThat(copy.table(v.name()).values())
                        .containsExactly(network.table(v.name()).values());
            }
        }
    }
}
