package dev.hindsight.engines.bayes.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of the cause ranking over random histories. */
class CauseModelPropertyTests {

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= 50; s++) {
            seeds.add(s);
        }
        return seeds;
    }

    private static List<IncidentCase> randomHistory(Random random) {
        int cases = 1 + random.nextInt(30);
        List<IncidentCase> history = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            Set<String> causes = new HashSet<>();
            Set<String> symptoms = new HashSet<>();
            for (int c = 0; c < 5; c++) {
                if (random.nextDouble() < 0.3) {
                    causes.add("cause:c" + c);
                }
            }
            for (int s = 0; s < 8; s++) {
                if (random.nextDouble() < 0.35) {
                    symptoms.add("symptom:s" + s);
                }
            }
            history.add(new IncidentCase("case-" + i, causes, symptoms));
        }
        return history;
    }

    private static Set<String> randomSymptoms(Random random) {
        Set<String> observed = new HashSet<>();
        for (int s = 0; s < 9; s++) {
            if (random.nextDouble() < 0.3) {
                observed.add("symptom:s" + s);
            }
        }
        return observed;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ranksProbabilitiesWithConsistentLiftsAndSupport(long seed) {
        Random random = new Random(seed);
        List<IncidentCase> history = randomHistory(random);
        Set<String> observed = randomSymptoms(random);
        CauseRanking ranking =
                CauseModel.learn(history, 0.1 + random.nextDouble() * 2).rank(observed, random.nextBoolean());
        double previous = Double.POSITIVE_INFINITY;
        for (RankedCause ranked : ranking.causes()) {
            assertThat(ranked.posterior()).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
            assertThat(ranked.prior()).isStrictlyBetween(0.0, 1.0);
            assertThat(ranked.lift()).isCloseTo(ranked.posterior() / ranked.prior(), within(1e-12));
            previous = ranked.posterior();
            long expectedSupport = history.stream()
                    .filter(c -> c.causes().contains(ranked.cause()))
                    .filter(c -> c.symptoms().stream().anyMatch(observed::contains))
                    .count();
            assertThat(ranked.supportingCaseIds()).hasSize((int) expectedSupport);
            for (String id : ranked.supportingCaseIds()) {
                IncidentCase c = history.stream()
                        .filter(h -> h.id().equals(id))
                        .findFirst()
                        .orElseThrow();
                assertThat(c.causes()).contains(ranked.cause());
                assertThat(c.symptoms()).containsAnyElementsOf(observed);
            }
        }
        assertThat(ranking.usedSymptoms().size() + ranking.unknownSymptoms().size())
                .isEqualTo(observed.size());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void raisesACausesPosteriorWhenAnotherCaseShowsItWithTheSameSymptoms(long seed) {
        Random random = new Random(seed);
        List<IncidentCase> history = randomHistory(random);
        Set<String> observed = randomSymptoms(random);
        observed.removeIf(s -> history.stream().noneMatch(c -> c.symptoms().contains(s)));
        CauseModel before = CauseModel.learn(history);
        for (String cause : before.causes()) {
            List<IncidentCase> more = new ArrayList<>(history);
            more.add(new IncidentCase("new", Set.of(cause), observed));
            double was = before.rank(observed).causes().stream()
                    .filter(r -> r.cause().equals(cause))
                    .findFirst()
                    .orElseThrow()
                    .posterior();
            double is = CauseModel.learn(more).rank(observed).causes().stream()
                    .filter(r -> r.cause().equals(cause))
                    .findFirst()
                    .orElseThrow()
                    .posterior();
            assertThat(is).as(cause).isGreaterThanOrEqualTo(was - 1e-12);
        }
    }
}
