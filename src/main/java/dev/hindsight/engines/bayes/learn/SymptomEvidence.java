package dev.hindsight.engines.bayes.learn;

import java.util.Objects;

/**
 * How one symptom of the new incident bears on one cause.
 *
 * @param symptom the symptom's name, never null
 * @param present whether the symptom was observed present (false: counted as absent)
 * @param withCause P(symptom in this state | cause present)
 * @param withoutCause P(symptom in this state | cause absent)
 */
public record SymptomEvidence(String symptom, boolean present, double withCause, double withoutCause) {

    /** Checks the name. */
    public SymptomEvidence {
        Objects.requireNonNull(symptom, "symptom");
    }

    /** {@code withCause / withoutCause}: above 1 when this observation points towards the cause. */
    public double likelihoodRatio() {
        return withCause / withoutCause;
    }
}
