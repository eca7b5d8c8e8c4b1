package dev.hindsight.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the index holds about one incident: its text by field and its facet values.
 *
 * @param key the incident key ({@code INC-12}), unique in the index
 * @param texts searchable text by field name (see {@link SearchEngine#TEXT_FIELDS}; other names land in {@code other})
 * @param date when the incident started (or was created), or null
 * @param restricted whether only {@code readers} (and admins) may see it
 * @param readers user ids who may see a restricted incident
 */
public record SearchDocument(
        String key,
        String title,
        Map<String, String> texts,
        List<String> services,
        List<String> teams,
        String severity,
        String status,
        List<String> tags,
        List<String> categories,
        Instant date,
        boolean restricted,
        Set<Long> readers) {}
