package dev.hindsight.engines.bayes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Observations given to an inference: hard evidence (a variable is in a known state) and soft, or virtual, evidence
 * (a likelihood vector over a variable's states). Immutable; names and states are checked against the network when
 * the evidence is used.
 */
public final class Evidence {

    private static final Evidence NONE = new Evidence(Map.of(), Map.of());

    private final Map<String, String> hard;
    private final Map<String, List<Double>> soft;

    private Evidence(Map<String, String> hard, Map<String, List<Double>> soft) {
        this.hard = Collections.unmodifiableMap(new LinkedHashMap<>(hard));
        this.soft = Collections.unmodifiableMap(new LinkedHashMap<>(soft));
    }

    /** No evidence, never null. */
    public static Evidence none() {
        return NONE;
    }

    /** Hard evidence from {@code variable -> state}, never null. */
    public static Evidence of(Map<String, String> states) {
        Evidence result = NONE;
        for (Map.Entry<String, String> entry : states.entrySet()) {
            result = result.and(entry.getKey(), entry.getValue());
        }
        return result;
    }

    /**
     * This evidence plus {@code variable = state}.
     *
     * @throws IllegalArgumentException when the variable already has evidence
     */
    public Evidence and(String variable, String state) {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(state, "state");
        requireNew(variable);
        Map<String, String> next = new LinkedHashMap<>(hard);
        next.put(variable, state);
        return new Evidence(next, soft);
    }

    /**
     * This evidence plus a likelihood vector for {@code variable}: P(observation | variable = state i) is
     * proportional to {@code likelihood[i]}.
     *
     * @throws IllegalArgumentException when the variable already has evidence, or a weight is negative or not finite,
     *     or all weights are zero
     */
    public Evidence andLikelihood(String variable, double... likelihood) {
        Objects.requireNonNull(variable, "variable");
        requireNew(variable);
        List<Double> weights = new ArrayList<>();
        boolean positive = false;
        for (double w : likelihood) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("likelihood of '" + variable + "' has invalid weight " + w);
            }
            positive |= w > 0;
            weights.add(w);
        }
        if (!positive) {
            throw new IllegalArgumentException("likelihood of '" + variable + "' must have a positive weight");
        }
        Map<String, List<Double>> next = new LinkedHashMap<>(soft);
        next.put(variable, List.copyOf(weights));
        return new Evidence(hard, next);
    }

    /** The hard evidence, {@code variable -> state}, never null. */
    public Map<String, String> hard() {
        return hard;
    }

    /** The soft evidence, {@code variable -> likelihood vector}, never null. */
    public Map<String, List<Double>> likelihoods() {
        return soft;
    }

    /** Whether there is no evidence at all. */
    public boolean isEmpty() {
        return hard.isEmpty() && soft.isEmpty();
    }

    /** Whether {@code variable} has hard or soft evidence. */
    public boolean covers(String variable) {
        return hard.containsKey(variable) || soft.containsKey(variable);
    }

    private void requireNew(String variable) {
        if (covers(variable)) {
            throw new IllegalArgumentException("variable '" + variable + "' already has evidence");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Evidence e && e.hard.equals(hard) && e.soft.equals(soft);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hard, soft);
    }

    /** Reads as {@code a=x, b=[0.2, 0.8]}, or {@code (none)}. */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "(none)";
        }
        List<String> parts = new ArrayList<>();
        hard.forEach((k, v) -> parts.add(k + "=" + v));
        soft.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }
}
