package dev.hindsight.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits with facet counts over all hits the reader may see.
 *
 * @param facets values with counts by facet name (service, team, severity, status, tag, category, date), most first
 */
public record SearchResults(
        String query, long total, int page, int size, List<Hit> hits, Map<String, List<FacetCount>> facets) {

    /**
     * One incident found.
     *
     * @param snippets highlighted passages by field: HTML-escaped text with matches in {@code <mark>}
     */
    public record Hit(String key, String title, String titleHtml, float score, Map<String, String> snippets) {}

    /** A facet value, the query clause that selects it, and how many hits have it. */
    public record FacetCount(String value, String clause, long count) {}

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
