package dev.hindsight.engines.bayes.learn;

import java.util.List;
import java.util.Objects;

/**
 * One candidate cause of a new incident, as scored by {@link CauseModel#rank}.
 *
 * @param cause the cause's name, never null
 * @param posterior P(cause present | observed symptoms), in [0, 1]
 * @param prior P(cause present) before looking at the symptoms, in (0, 1)
 * @param lift {@code posterior / prior}: above 1 when the symptoms make the cause more likely
 * @param occurrences the number of past cases in which the cause was present
 * @param supportingCaseIds the past cases with this cause and at least one of the observed symptoms, most shared
 *     symptoms first (ties in learning order), never null
 * @param evidence the contribution of each symptom that entered the computation, strongest likelihood ratio
 *     first, never null
 */
public record RankedCause(
        String cause,
        double posterior,
        double prior,
        double lift,
        int occurrences,
        List<String> supportingCaseIds,
        List<SymptomEvidence> evidence) {

    /** Copies the lists. */
    public RankedCause {
        Objects.requireNonNull(cause, "cause");
        supportingCaseIds = List.copyOf(supportingCaseIds);
        evidence = List.copyOf(evidence);
    }
}
