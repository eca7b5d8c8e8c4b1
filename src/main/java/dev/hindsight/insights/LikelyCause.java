package dev.hindsight.insights;

import java.util.List;

/**
 * A contributing-factor category ranked for an incident.
 *
 * @param category the factor category key, e.g. {@code configuration}
 * @param posterior P(category | what this incident shows), learned from past incidents
 * @param prior P(category) over past incidents, before looking at this incident
 * @param lift {@code posterior / prior}
 * @param occurrences how many past incidents had a factor in this category
 * @param supportingIncidents past incidents with this category that share a symptom with this one, most alike first
 * @param why each symptom's likelihood with and without the category, strongest first
 */
public record LikelyCause(
        String category,
        double posterior,
        double prior,
        double lift,
        int occurrences,
        List<PastIncident> supportingIncidents,
        List<SymptomWeight> why) {

    /** A past incident behind a ranking. */
    public record PastIncident(String key, String title) {}

    /** How one symptom moved the ranking: P(symptom | category) and P(symptom | not category). */
    public record SymptomWeight(String symptom, double withCause, double withoutCause) {}
}
