package dev.hindsight.engines.bayes.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.engines.bayes.Evidence;
import dev.hindsight.engines.bayes.VariableElimination;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CauseModelTests {

    private static final String DEPLOY = "cause:bad-deploy";
    private static final String DB = "cause:db-saturation";
    private static final String LATENCY = "symptom:alert:HighLatency";
    private static final String ERRORS = "symptom:alert:Http5xx";
    private static final String CHECKOUT = "symptom:service:checkout";

    /**
     * Four past incidents. Counts: N = 4; n(deploy) = 3, n(db) = 2; n(latency) = 3, n(errors) = 3, n(checkout) = 1;
     * n(deploy, latency) = 2, n(deploy, errors) = 3, n(deploy, checkout) = 0; n(db, latency) = 2, n(db, errors) = 1,
     * n(db, checkout) = 1.
     */
    static List<IncidentCase> history() {
        return List.of(
                IncidentCase.ofFeatures("INC-1", List.of(DEPLOY, LATENCY, ERRORS)),
                IncidentCase.ofFeatures("INC-2", List.of(DEPLOY, ERRORS)),
                IncidentCase.ofFeatures("INC-3", List.of(DB, LATENCY, CHECKOUT)),
                IncidentCase.ofFeatures("INC-4", List.of(DB, DEPLOY, LATENCY, ERRORS)));
    }

    private static Map<String, RankedCause> byCause(CauseRanking ranking) {
        return ranking.causes().stream().collect(Collectors.toMap(RankedCause::cause, Function.identity()));
    }

    private static double posterior(double prior, double likelihoodWith, double likelihoodWithout) {
        return prior * likelihoodWith / (prior * likelihoodWith + (1 - prior) * likelihoodWithout);
    }

    @Test
    void estimatesPriorsAndLikelihoodsWithLaplaceSmoothing() {
        CauseModel model = CauseModel.learn(history());
        assertThat(model.prior(DEPLOY)).isCloseTo((3 + 1) / (4 + 2.0), within(1e-12));
        assertThat(model.prior(DB)).isCloseTo((2 + 1) / (4 + 2.0), within(1e-12));
        assertThat(model.symptomProbability(LATENCY, DEPLOY, true)).isCloseTo((2 + 1) / (3 + 2.0), within(1e-12));
        // without deploy: only INC-3, which had latency
        assertThat(model.symptomProbability(LATENCY, DEPLOY, false)).isCloseTo((1 + 1) / (1 + 2.0), within(1e-12));
        assertThat(model.causes()).containsExactly(DEPLOY, DB);
        assertThat(model.symptoms()).containsExactly(LATENCY, ERRORS, CHECKOUT);
    }

    @Test
    void ranksCausesOfHighLatencyByHandComputedPosteriors() {
        CauseRanking ranking = CauseModel.learn(history()).rank(Set.of(LATENCY));
        // deploy: prior 4/6, P(lat|deploy) = 3/5, P(lat|no deploy) = 2/3  -> 0.4 / (0.4 + 2/9) = 9/14
        double deploy = posterior(4 / 6.0, 3 / 5.0, 2 / 3.0);
        // db: prior 3/6, P(lat|db) = (2+1)/(2+2) = 3/4, P(lat|no db) = (1+1)/(2+2) = 1/2 -> 0.6
        double db = posterior(3 / 6.0, 3 / 4.0, 1 / 2.0);
        Map<String, RankedCause> result = byCause(ranking);
        assertThat(result.get(DEPLOY).posterior()).isCloseTo(deploy, within(1e-12));
        assertThat(result.get(DEPLOY).lift()).isCloseTo(deploy / (4 / 6.0), within(1e-12));
        assertThat(result.get(DB).posterior()).isCloseTo(db, within(1e-12));
        assertThat(result.get(DB).lift()).isCloseTo(db / (3 / 6.0), within(1e-12));
        assertThat(ranking.causes()).extracting(RankedCause::cause).containsExactly(DEPLOY, DB);
        assertThat(result.get(DEPLOY).supportingCaseIds()).containsExactly("INC-1", "INC-4");
        assertThat(result.get(DB).supportingCaseIds()).containsExactly("INC-3", "INC-4");
        assertThat(result.get(DB).occurrences()).isEqualTo(2);
        assertThat(result.get(DB).evidence()).containsExactly(new SymptomEvidence(LATENCY, true, 3 / 4.0, 1 / 2.0));
    }

    @Test
    void combinesSeveralSymptomsAndPutsTheBetterExplainedCauseFirst() {
        CauseRanking ranking = CauseModel.learn(history()).rank(List.of(LATENCY, CHECKOUT, "symptom:never-seen"));
        // deploy: P(chk|deploy) = (0+1)/(3+2) = 1/5, P(chk|no deploy) = (1+1)/(1+2) = 2/3
        double deploy = posterior(4 / 6.0, 3 / 5.0 * 1 / 5.0, 2 / 3.0 * 2 / 3.0);
        // db: P(chk|db) = (1+1)/(2+2) = 1/2, P(chk|no db) = (0+1)/(2+2) = 1/4
        double db = posterior(3 / 6.0, 3 / 4.0 * 1 / 2.0, 1 / 2.0 * 1 / 4.0);
        Map<String, RankedCause> result = byCause(ranking);
        assertThat(result.get(DEPLOY).posterior()).isCloseTo(deploy, within(1e-12));
        assertThat(result.get(DB).posterior()).isCloseTo(db, within(1e-12));
        assertThat(ranking.causes().get(0).cause()).isEqualTo(DB);
        assertThat(result.get(DB).supportingCaseIds()).containsExactly("INC-3", "INC-4");
        assertThat(ranking.usedSymptoms()).containsExactly(LATENCY, CHECKOUT);
        assertThat(ranking.unknownSymptoms()).containsExactly("symptom:never-seen");
    }

    @Test
    void countsUnobservedSymptomsAsAbsentWhenAsked() {
        CauseRanking ranking = CauseModel.learn(history()).rank(Set.of(LATENCY), true);
        // db with errors and checkout absent: P(err|db) = 2/4, P(err|no db) = (3-1+1)/(2+2) = 3/4
        double with = 3 / 4.0 * (1 - 2 / 4.0) * (1 - 1 / 2.0);
        double without = 1 / 2.0 * (1 - 3 / 4.0) * (1 - 1 / 4.0);
        RankedCause db = byCause(ranking).get(DB);
        assertThat(db.posterior()).isCloseTo(posterior(3 / 6.0, with, without), within(1e-12));
        // ratios: latency (3/4)/(1/2) = 1.5, checkout absent (1/2)/(3/4) = 0.67, errors absent (1/2)/(1/4) = 2
        assertThat(db.evidence()).extracting(SymptomEvidence::symptom).containsExactly(ERRORS, LATENCY, CHECKOUT);
        assertThat(db.evidence().get(0).present()).isFalse();
        assertThat(db.evidence().get(0).likelihoodRatio()).isCloseTo((1 - 2 / 4.0) / (1 - 3 / 4.0), within(1e-12));
    }

    @Test
    void usesTheConfiguredPseudoCount() {
        CauseModel model = CauseModel.learn(history(), 0.5);
        assertThat(model.prior(DB)).isCloseTo((2 + 0.5) / (4 + 1.0), within(1e-12));
        double db = posterior(2.5 / 5, (2 + 0.5) / (2 + 1.0), (1 + 0.5) / (2 + 1.0));
        assertThat(byCause(model.rank(Set.of(LATENCY))).get(DB).posterior()).isCloseTo(db, within(1e-12));
    }

    @Test
    void agreesWithVariableEliminationOnTheCauseNetwork() {
        CauseModel model = CauseModel.learn(history());
        for (boolean closedWorld : List.of(false, true)) {
            CauseRanking ranking = model.rank(Set.of(LATENCY, ERRORS), closedWorld);
            for (RankedCause ranked : ranking.causes()) {
                Evidence evidence = Evidence.none().and(LATENCY, "present").and(ERRORS, "present");
                if (closedWorld) {
                    evidence = evidence.and(CHECKOUT, "absent");
                }
                double exact = new VariableElimination(model.network(ranked.cause()))
                        .probability(ranked.cause(), "present", evidence);
                assertThat(ranked.posterior()).as(ranked.cause()).isCloseTo(exact, within(1e-12));
            }
        }
    }

    @Test
    void givesPriorsBackWhenNoSymptomIsKnown() {
        CauseRanking ranking = CauseModel.learn(history()).rank(Set.of());
        for (RankedCause ranked : ranking.causes()) {
            assertThat(ranked.posterior()).isCloseTo(ranked.prior(), within(1e-12));
            assertThat(ranked.lift()).isCloseTo(1.0, within(1e-12));
            assertThat(ranked.supportingCaseIds()).isEmpty();
        }
        assertThat(CauseModel.learn(List.of()).rank(Set.of(LATENCY)).causes()).isEmpty();
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> CauseModel.learn(history(), 0)).hasMessageContaining("pseudo-count");
        assertThatThrownBy(() -> IncidentCase.ofFeatures("X", List.of("latency")))
                .hasMessageContaining("must start with 'cause:' or 'symptom:'");
        List<IncidentCase> twice = List.of(history().get(0), history().get(0));
        assertThatThrownBy(() -> CauseModel.learn(twice)).hasMessageContaining("'INC-1' appears twice");
        assertThatThrownBy(() -> CauseModel.learn(history()).prior("cause:dns"))
                .hasMessageContaining("known causes: " + DEPLOY + ", " + DB);
    }
}
