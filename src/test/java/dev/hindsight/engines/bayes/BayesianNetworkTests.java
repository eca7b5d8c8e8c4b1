package dev.hindsight.engines.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BayesianNetworkTests {

    /** Rain -> WetGrass <- Sprinkler, written by hand. */
    static BayesianNetwork.Builder sprinkler() {
        return BayesianNetwork.builder()
                .name("sprinkler")
                .variable("Rain", "yes", "no")
                .variable("Sprinkler", "on", "off")
                .variable("Wet", "yes", "no")
                .row("Rain", List.of(), 0.2, 0.8)
                .table("Sprinkler", 0.4, 0.6)
                .parents("Wet", "Rain", "Sprinkler")
                .row("Wet", List.of("no", "off"), 0.0, 1.0)
                .row("Wet", List.of("yes", "on"), 0.99, 0.01)
                .row("Wet", List.of("no", "on"), 0.9, 0.1)
                .row("Wet", List.of("yes", "off"), 0.8, 0.2);
    }

    @Test
    void storesRowsGivenInAnyOrderUnderTheirParentStates() {
        BayesianNetwork network = sprinkler().build();
        ConditionalProbabilityTable wet = network.table("Wet");
        assertThat(wet.probability("yes", List.of("no", "on"))).isEqualTo(0.9);
        assertThat(wet.row(List.of("yes", "off"))).containsExactly(0.8, 0.2);
        assertThat(wet.parentStates(1)).containsExactly("yes", "off");
        assertThat(network.children("Rain")).extracting(Variable::name).containsExactly("Wet");
        assertThat(network.topologicalOrder().get(2).name()).isEqualTo("Wet");
    }

    @Test
    void computesPosteriorOfRainGivenWetGrassByBayesRule() {
        VariableElimination ve = new VariableElimination(sprinkler().build());
        // P(R=y, W=y) = 0.2 * (0.4 * 0.99 + 0.6 * 0.8); P(R=n, W=y) = 0.8 * (0.4 * 0.9 + 0.6 * 0.0)
        double rainAndWet = 0.2 * (0.4 * 0.99 + 0.6 * 0.8);
        double dryAndWet = 0.8 * (0.4 * 0.9);
        Evidence wet = Evidence.of(Map.of("Wet", "yes"));
        assertThat(ve.probability("Rain", "yes", wet)).isCloseTo(rainAndWet / (rainAndWet + dryAndWet), within(1e-12));
        assertThat(ve.probabilityOfEvidence(wet)).isCloseTo(rainAndWet + dryAndWet, within(1e-12));
        assertThat(ve.marginal("Wet", wet).probabilities()).containsExactly(1.0, 0.0);
    }

    @Test
    void weighsSoftEvidenceAsALikelihood() {
        VariableElimination ve = new VariableElimination(sprinkler().build());
        // a sensor twice as likely to report on a wet lawn: P(R=y | L) = P(R=y)(2 P(W=y|R=y) + P(W=n|R=y)) / Z
        double wetGivenRain = 0.4 * 0.99 + 0.6 * 0.8;
        double wetGivenDry = 0.4 * 0.9;
        double rain = 0.2 * (2 * wetGivenRain + (1 - wetGivenRain));
        double dry = 0.8 * (2 * wetGivenDry + (1 - wetGivenDry));
        Evidence sensor = Evidence.none().andLikelihood("Wet", 2, 1);
        assertThat(ve.probability("Rain", "yes", sensor)).isCloseTo(rain / (rain + dry), within(1e-12));
    }

    @Test
    void rejectsImpossibleEvidence() {
        VariableElimination ve = new VariableElimination(sprinkler().build());
        Evidence impossible = Evidence.of(Map.of("Rain", "no", "Sprinkler", "off", "Wet", "yes"));
        assertThatThrownBy(() -> ve.marginal("Rain", impossible))
                .isInstanceOf(ImpossibleEvidenceException.class)
                .hasMessageContaining("probability zero");
        assertThat(ve.probabilityOfEvidence(impossible)).isZero();
    }

    @Test
    void namesValidVariablesAndStatesWhenAQueryIsWrong() {
        VariableElimination ve = new VariableElimination(sprinkler().build());
        assertThatThrownBy(() -> ve.marginal("Snow", Evidence.none()))
                .hasMessageContaining("unknown variable 'Snow'")
                .hasMessageContaining("Rain, Sprinkler, Wet");
        assertThatThrownBy(() -> ve.marginal("Rain", Evidence.none().and("Wet", "damp")))
                .hasMessageContaining("unknown state 'damp'")
                .hasMessageContaining("yes, no");
        assertThatThrownBy(() -> ve.marginal("Rain", Evidence.none().andLikelihood("Wet", 1, 2, 3)))
                .hasMessageContaining("3 weights");
    }

    @Test
    void rejectsARowThatDoesNotSumToOne() {
        BayesianNetwork.Builder builder = sprinkler().table("Sprinkler", 0.4, 0.5);
        assertThatThrownBy(builder::build)
                .isInstanceOf(NetworkValidationException.class)
                .hasMessageContaining("'Sprinkler'")
                .hasMessageContaining("sums to 0.9");
    }

    @Test
    void rejectsAMissingRowNamingItsParentStates() {
        BayesianNetwork.Builder builder = BayesianNetwork.builder()
                .variable("A", "t", "f")
                .variable("B", "t", "f")
                .table("A", 0.5, 0.5)
                .parents("B", "A")
                .row("B", List.of("t"), 0.5, 0.5);
        assertThatThrownBy(builder::build)
                .isInstanceOf(NetworkValidationException.class)
                .hasMessageContaining("'B' has no row for parent states (A=f)");
    }

    @Test
    void rejectsACycleNamingItsMembers() {
        BayesianNetwork.Builder builder = BayesianNetwork.builder()
                .variable("A", "t", "f")
                .variable("B", "t", "f")
                .variable("C", "t", "f")
                .table("A", 0.5, 0.5)
                .parents("B", "A", "C")
                .table("B", 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5)
                .parents("C", "B")
                .table("C", 0.5, 0.5, 0.5, 0.5);
        assertThatThrownBy(builder::build)
                .isInstanceOf(NetworkValidationException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("B")
                .hasMessageContaining("C");
    }

    @Test
    void rejectsUnknownParentsWrongSizesAndBadStates() {
        assertThatThrownBy(() -> sprinkler().parents("Wet", "Rain", "Fog").build())
                .hasMessageContaining("'Wet' has unknown parent 'Fog'");
        assertThatThrownBy(() -> sprinkler().table("Sprinkler", 0.2, 0.3, 0.5).build())
                .hasMessageContaining("'Sprinkler' has a table of 3 values but needs 2");
        assertThatThrownBy(() -> sprinkler().table("Rain", 0.2, 0.8).build())
                .hasMessageContaining("'Rain' was given both a whole table and separate rows");
        assertThatThrownBy(() ->
                        sprinkler().row("Wet", List.of("maybe", "on"), 0.5, 0.5).build())
                .hasMessageContaining("'Wet'")
                .hasMessageContaining("unknown state 'maybe'");
        assertThatThrownBy(() -> sprinkler().table("Sprinkler", 1.2, -0.2).build())
                .hasMessageContaining("outside [0, 1]");
        assertThatThrownBy(() -> sprinkler().variable("Rain", "a", "b")).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> BayesianNetwork.builder().variable("X").build())
                .hasMessageContaining("at least one state");
        assertThatThrownBy(
                        () -> BayesianNetwork.builder().variable("X", "a", "b").build())
                .hasMessageContaining("'X' has no probability table");
    }

    @Test
    void reportsJointEntriesInTableOrder() {
        VariableElimination ve = new VariableElimination(sprinkler().build());
        JointDistribution joint = ve.joint(List.of("Rain", "Sprinkler"), Evidence.none());
        assertThat(joint.entries()).hasSize(4);
        assertThat(joint.entries().get(1).states()).containsExactly("yes", "off");
        assertThat(joint.entries().get(1).probability()).isCloseTo(0.2 * 0.6, within(1e-12));
        assertThat(joint.probability(Map.of("Rain", "no", "Sprinkler", "on"))).isCloseTo(0.8 * 0.4, within(1e-12));
    }

    @Test
    void explainsWetGrassWithTheLikeliestCause() {
        VariableElimination ve = new VariableElimination(sprinkler().build());
        // candidates with W=y: (y,on) .2*.4*.99=.0792, (y,off) .2*.6*.8=.096, (n,on) .8*.4*.9=.288, (n,off) 0
        Explanation mpe = ve.mostProbableExplanation(Evidence.of(Map.of("Wet", "yes")));
        assertThat(mpe.assignment()).isEqualTo(Map.of("Rain", "no", "Sprinkler", "on"));
        assertThat(mpe.jointProbability()).isCloseTo(0.8 * 0.4 * 0.9, within(1e-12));
        assertThat(mpe.posteriorProbability()).isCloseTo(0.288 / (0.0792 + 0.096 + 0.288), within(1e-12));
    }
}
