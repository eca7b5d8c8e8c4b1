package dev.hindsight.search;

import java.util.List;

/** An incident like another one, with the reasons: shared services, factor categories, similar wording. */
public record SimilarIncident(String key, String title, float score, List<String> reasons) {}
