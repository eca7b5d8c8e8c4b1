package dev.hindsight.engines.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.engines.bayes.io.BifReader;
import dev.hindsight.testing.SharedData;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 37-node ALARM network loads and gives coherent posteriors. */
class AlarmNetworkTests {

    private static BayesianNetwork alarm() throws IOException {
        return BifReader.read(SharedData.require("bayesnets/alarm.bif"));
    }

    @Test
    void loadsAllThirtySevenNodes() throws IOException {
        BayesianNetwork network = alarm();
        assertThat(network.size()).isEqualTo(37);
        assertThat(network.variable("EXPCO2").states()).containsExactly("ZERO", "LOW", "NORMAL", "HIGH");
        assertThat(network.topologicalOrder()).hasSize(37);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void givesMarginalsThatSumToOneAndAgreeWithEvidenceProbabilities(long seed) throws IOException {
        BayesianNetwork network = alarm();
        VariableElimination ve = new VariableElimination(network);
        Random random = new Random(seed);
        Evidence evidence = Evidence.none();
        List<Variable> vars = network.variables();
        for (int i = 0; i < 4; i++) {
            Variable v = vars.get(random.nextInt(vars.size()));
            if (!evidence.covers(v.name())) {
                evidence = evidence.and(v.name(), v.states().get(random.nextInt(v.cardinality())));
            }
        }
        double pe = ve.probabilityOfEvidence(evidence);
        assertThat(pe).isGreaterThan(0).isLessThanOrEqualTo(1);
        for (Variable v : vars) {
            Distribution d = ve.marginal(v.name(), evidence);
            assertThat(d.probabilities().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum())
                    .as(v.name())
                    .isCloseTo(1.0, within(1e-9));
            if (!evidence.covers(v.name())) {
                String state = v.states().get(random.nextInt(v.cardinality()));
                double joint = ve.probabilityOfEvidence(evidence.and(v.name(), state));
                // ALARM's rows sum to 1 only within 1e-7, so pruned and unpruned sums agree to a relative 1e-6
                assertThat(d.probability(state) * pe).as(v.name()).isCloseTo(joint, within(1e-6 * joint + 1e-15));
            }
        }
    }
}
