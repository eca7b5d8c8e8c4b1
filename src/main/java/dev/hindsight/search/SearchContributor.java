package dev.hindsight.search;

import dev.hindsight.incident.Incident;
import java.util.List;

/**
 * Adds another module's data about an incident to its search document. One Spring bean per source (factors, actions,
 * later timeline entries, statements, postmortem documents); the indexer calls each for every incident it indexes. The
 * module behind a contributor must announce its changes through the audit trail (every incident change is audited),
 * which is what tells the index to refresh the incident.
 */
public interface SearchContributor {

    /** The contribution for {@code incident}; never null (use {@link Contribution#NONE}). */
    Contribution contribute(Incident incident);

    /**
     * Text for one field and facet categories.
     *
     * @param field one of {@link SearchEngine#TEXT_FIELDS}, else indexed as {@code other}
     * @param categories contributing-factor categories to add to the facet, never null
     */
    record Contribution(String field, String text, List<String> categories) {
        public static final Contribution NONE = new Contribution("other", "", List.of());
    }
}
