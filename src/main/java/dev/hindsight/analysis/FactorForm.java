package dev.hindsight.analysis;

import java.util.List;

/**
 * A factor as entered, unchecked: {@link RootCauseAnalysis} validates it.
 *
 * @param kind {@code ROOT_CAUSE} or {@code CONTRIBUTING_FACTOR} (any case)
 * @param category key of an existing category
 * @param method one of {@link AnalysisMethod}; {@code MANUAL} when null
 * @param evidence URLs or free-text references; null means none
 */
public record FactorForm(
        String kind, String title, String category, String description, String method, List<String> evidence) {}
