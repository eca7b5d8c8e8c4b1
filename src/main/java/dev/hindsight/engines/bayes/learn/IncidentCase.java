package dev.hindsight.engines.bayes.learn;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One past incident as a set of binary features: the causes found in its postmortem and the symptoms it showed.
 * Names are opaque strings such as {@code cause:config-change} or {@code symptom:alert:HighLatency}.
 *
 * @param id the case's identifier, never null or blank
 * @param causes the causes present, never null (may be empty)
 * @param symptoms the symptoms present, never null (may be empty)
 */
public record IncidentCase(String id, Set<String> causes, Set<String> symptoms) {

    /** The prefix that marks a cause in {@link #ofFeatures}. */
    public static final String CAUSE_PREFIX = "cause:";

    /** The prefix that marks a symptom in {@link #ofFeatures}. */
    public static final String SYMPTOM_PREFIX = "symptom:";

    /** Throws {@link IllegalArgumentException} when the id is blank or a name is both a cause and a symptom. */
    public IncidentCase {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("case id must not be blank");
        }
        causes = Set.copyOf(causes);
        symptoms = Set.copyOf(symptoms);
        for (String cause : causes) {
            if (symptoms.contains(cause)) {
                throw new IllegalArgumentException(
                        "case '" + id + "' lists '" + cause + "' both as a cause and as a symptom");
            }
        }
    }

    /**
     * A case from prefixed features: names starting with {@value #CAUSE_PREFIX} are causes, those starting with
     * {@value #SYMPTOM_PREFIX} symptoms; names keep their prefix.
     *
     * @throws IllegalArgumentException when a feature has neither prefix
     */
    public static IncidentCase ofFeatures(String id, Collection<String> features) {
        Set<String> causes = new LinkedHashSet<>();
        Set<String> symptoms = new LinkedHashSet<>();
        for (String feature : features) {
            if (feature.startsWith(CAUSE_PREFIX)) {
                causes.add(feature);
            } else if (feature.startsWith(SYMPTOM_PREFIX)) {
                symptoms.add(feature);
            } else {
                throw new IllegalArgumentException("feature '" + feature + "' of case '" + id + "' must start with '"
                        + CAUSE_PREFIX + "' or '" + SYMPTOM_PREFIX + "'");
            }
        }
        return new IncidentCase(id, causes, symptoms);
    }
}
