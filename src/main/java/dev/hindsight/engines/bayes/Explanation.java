package dev.hindsight.engines.bayes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A most probable explanation: the likeliest joint state of all variables without hard evidence.
 *
 * @param assignment {@code variable -> state} for every variable without hard evidence, in network order, never null
 * @param jointProbability P(assignment, evidence), soft evidence counted as likelihood weights
 * @param posteriorProbability P(assignment | evidence)
 */
public record Explanation(Map<String, String> assignment, double jointProbability, double posteriorProbability) {

    /** Copies the assignment. */
    public Explanation {
        assignment = Collections.unmodifiableMap(new LinkedHashMap<>(assignment));
    }
}
