package dev.hindsight.engines.bayes.learn;

import dev.hindsight.engines.bayes.BayesianNetwork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Likely causes of a new incident, learned from past incidents.
 *
 * <p><b>Structure.</b> For every cause {@code C} seen in the history the model holds a naive-Bayes network: a
 * binary root {@code C} (present / absent) whose children are all symptoms seen in the history, each binary and
 * independent of the others given {@code C}. Causes are scored one against the rest (binary relevance): several
 * causes may be present in the same incident, and each cause's network compares the cases that had it with all
 * cases that did not. {@link #network(String)} returns that network as a {@link BayesianNetwork}.
 *
 * <p><b>Parameters.</b> With {@code N} cases, {@code n(C)} cases with cause {@code C}, {@code n(S)} with symptom
 * {@code S}, {@code n(C,S)} with both and pseudo-count {@code a} (a symmetric Beta(a, a) prior on every binary
 * parameter, the posterior mean being used):
 *
 * <pre>
 * P(C)          = (n(C) + a) / (N + 2a)
 * P(S | C)      = (n(C,S) + a) / (n(C) + 2a)
 * P(S | not C)  = (n(S) - n(C,S) + a) / (N - n(C) + 2a)
 * </pre>
 *
 * <p><b>Evidence.</b> The observed symptoms are evidence {@code S = present}. Known symptoms that were not observed
 * are left unobserved by default (incident records are incomplete, so absence says little); with
 * {@code absentSymptomsAreEvidence} they count as {@code S = absent}. Observed symptoms never seen in the history
 * carry no information and are reported as unknown. The posterior is
 * {@code P(C) L(C) / (P(C) L(C) + P(not C) L(not C))}, with {@code L} the product of the evidence likelihoods,
 * computed in log space.
 *
 * <p>Immutable and thread-safe.
 */
public final class CauseModel {

    /** The default pseudo-count: a uniform Beta(1, 1) prior (Laplace smoothing). */
    public static final double DEFAULT_PSEUDO_COUNT = 1.0;

    /** The state names of every variable of {@link #network(String)}, present first. */
    public static final List<String> STATES = List.of("present", "absent");

    private final List<IncidentCase> cases;
    private final double pseudoCount;
    private final List<String> causes;
    private final List<String> symptoms;
    private final Map<String, Integer> causeCounts = new HashMap<>();
    private final Map<String, Integer> symptomCounts = new HashMap<>();
    private final Map<String, Map<String, Integer>> jointCounts = new HashMap<>();

    private CauseModel(List<IncidentCase> cases, double pseudoCount) {
        this.cases = List.copyOf(cases);
        this.pseudoCount = pseudoCount;
        Set<String> ids = new HashSet<>();
        Set<String> allCauses = new TreeSet<>();
        Set<String> allSymptoms = new TreeSet<>();
        for (IncidentCase c : cases) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("case id '" + c.id() + "' appears twice");
            }
            allCauses.addAll(c.causes());
            allSymptoms.addAll(c.symptoms());
            for (String cause : c.causes()) {
                causeCounts.merge(cause, 1, Integer::sum);
                Map<String, Integer> bySymptom = jointCounts.computeIfAbsent(cause, k -> new HashMap<>());
                for (String symptom : c.symptoms()) {
                    bySymptom.merge(symptom, 1, Integer::sum);
                }
            }
            for (String symptom : c.symptoms()) {
                symptomCounts.merge(symptom, 1, Integer::sum);
            }
        }
        for (String cause : allCauses) {
            if (allSymptoms.contains(cause)) {
                throw new IllegalArgumentException("'" + cause + "' is a cause in one case and a symptom in another");
            }
        }
        this.causes = List.copyOf(allCauses);
        this.symptoms = List.copyOf(allSymptoms);
    }

    /** Learns with {@link #DEFAULT_PSEUDO_COUNT}; throws as {@link #learn(List, double)} does. */
    public static CauseModel learn(List<IncidentCase> cases) {
        return learn(cases, DEFAULT_PSEUDO_COUNT);
    }

    /**
     * Learns the model from past cases.
     *
     * @param cases the past incidents, never null (may be empty: then nothing is ranked)
     * @param pseudoCount the Beta prior's pseudo-count {@code a}, positive and finite
     * @return the model, never null
     * @throws IllegalArgumentException when the pseudo-count is not positive, a case id repeats or a name is a cause
     *     in one case and a symptom in another
     */
    public static CauseModel learn(List<IncidentCase> cases, double pseudoCount) {
        if (!(pseudoCount > 0) || Double.isInfinite(pseudoCount)) {
            throw new IllegalArgumentException("pseudo-count must be positive and finite: " + pseudoCount);
        }
        return new CauseModel(cases, pseudoCount);
    }

    /** The known causes, sorted, never null. */
    public List<String> causes() {
        return causes;
    }

    /** The known symptoms, sorted, never null. */
    public List<String> symptoms() {
        return symptoms;
    }

    /** The number of past cases learned from. */
    public int caseCount() {
        return cases.size();
    }

    /** The pseudo-count {@code a} of the Beta prior. */
    public double pseudoCount() {
        return pseudoCount;
    }

    /** P(cause present); throws {@link IllegalArgumentException} listing the known causes when unknown. */
    public double prior(String cause) {
        requireCause(cause);
        return (count(causeCounts, cause) + pseudoCount) / (cases.size() + 2 * pseudoCount);
    }

    /**
     * P(symptom present | cause present) when {@code causePresent}, else P(symptom present | cause absent).
     *
     * @throws IllegalArgumentException when the cause or the symptom is unknown
     */
    public double symptomProbability(String symptom, String cause, boolean causePresent) {
        requireCause(cause);
        if (!symptomCounts.containsKey(symptom)) {
            throw new IllegalArgumentException(
                    "unknown symptom '" + symptom + "'; known symptoms: " + String.join(", ", symptoms));
        }
        int both = count(jointCounts.getOrDefault(cause, Map.of()), symptom);
        int withCause = count(causeCounts, cause);
        if (causePresent) {
            return (both + pseudoCount) / (withCause + 2 * pseudoCount);
        }
        return (count(symptomCounts, symptom) - both + pseudoCount) / (cases.size() - withCause + 2 * pseudoCount);
    }

    /** Ranks causes treating unobserved symptoms as unknown; see {@link #rank(Collection, boolean)}. */
    public CauseRanking rank(Collection<String> observedSymptoms) {
        return rank(observedSymptoms, false);
    }

    /**
     * Ranks every known cause for a new incident.
     *
     * @param observedSymptoms the symptoms the incident shows, never null; unknown ones are reported and ignored
     * @param absentSymptomsAreEvidence whether known symptoms not observed count as absent (otherwise unobserved)
     * @return the ranking, never null; empty when no cases were learned
     */
    public CauseRanking rank(Collection<String> observedSymptoms, boolean absentSymptomsAreEvidence) {
        Set<String> observed = new TreeSet<>(observedSymptoms);
        List<String> used = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String symptom : observed) {
            (symptomCounts.containsKey(symptom) ? used : unknown).add(symptom);
        }
        List<RankedCause> ranked = new ArrayList<>();
        for (String cause : causes) {
            double prior = prior(cause);
            double logPresent = Math.log(prior);
            double logAbsent = Math.log1p(-prior);
            List<SymptomEvidence> evidence = new ArrayList<>();
            for (String symptom : symptoms) {
                boolean seen = observed.contains(symptom);
                if (!seen && !absentSymptomsAreEvidence) {
                    continue;
                }
                double withCause = symptomProbability(symptom, cause, true);
                double withoutCause = symptomProbability(symptom, cause, false);
                if (!seen) {
                    withCause = 1 - withCause;
                    withoutCause = 1 - withoutCause;
                }
                logPresent += Math.log(withCause);
                logAbsent += Math.log(withoutCause);
                evidence.add(new SymptomEvidence(symptom, seen, withCause, withoutCause));
            }
            evidence.sort(Comparator.comparingDouble(SymptomEvidence::likelihoodRatio)
                    .reversed()
                    .thenComparing(SymptomEvidence::symptom));
            double posterior = 1 / (1 + Math.exp(logAbsent - logPresent));
            ranked.add(new RankedCause(
                    cause,
                    posterior,
                    prior,
                    posterior / prior,
                    count(causeCounts, cause),
                    support(cause, observed),
                    evidence));
        }
        ranked.sort(Comparator.comparingDouble(RankedCause::posterior)
                .reversed()
                .thenComparing(Comparator.comparingDouble(RankedCause::lift).reversed())
                .thenComparing(RankedCause::cause));
        return new CauseRanking(ranked, used, unknown);
    }

    /**
     * The naive-Bayes network of one cause: root {@code cause}, one child per known symptom, every variable with
     * states {@link #STATES}. Variable names are the cause and symptom names.
     *
     * @throws IllegalArgumentException when the cause is unknown
     */
    public BayesianNetwork network(String cause) {
        double prior = prior(cause);
        BayesianNetwork.Builder builder =
                BayesianNetwork.builder().name("causes of " + cause).variable(cause, STATES);
        builder.table(cause, prior, 1 - prior);
        for (String symptom : symptoms) {
            double withCause = symptomProbability(symptom, cause, true);
            double withoutCause = symptomProbability(symptom, cause, false);
            builder.variable(symptom, STATES)
                    .parents(symptom, cause)
                    .table(symptom, withCause, 1 - withCause, withoutCause, 1 - withoutCause);
        }
        return builder.build();
    }

    private List<String> support(String cause, Set<String> observed) {
        List<IncidentCase> supporting = new ArrayList<>();
        Map<String, Integer> shared = new HashMap<>();
        for (IncidentCase c : cases) {
            if (!c.causes().contains(cause)) {
                continue;
            }
            int overlap = 0;
            for (String symptom : c.symptoms()) {
                if (observed.contains(symptom)) {
                    overlap++;
                }
            }
            if (overlap > 0) {
                supporting.add(c);
                shared.put(c.id(), overlap);
            }
        }
        supporting.sort(
                Comparator.comparingInt((IncidentCase c) -> shared.get(c.id())).reversed());
        return supporting.stream().map(IncidentCase::id).toList();
    }

    private void requireCause(String cause) {
        if (!causeCounts.containsKey(cause)) {
            throw new IllegalArgumentException(
                    "unknown cause '" + cause + "'; known causes: " + String.join(", ", causes));
        }
    }

    private static int count(Map<String, Integer> counts, String key) {
        return counts.getOrDefault(key, 0);
    }
}
