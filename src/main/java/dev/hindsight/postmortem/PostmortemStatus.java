package dev.hindsight.postmortem;

import java.util.Locale;

/**
 * Where a postmortem is in its review. Only {@link #DRAFT} is reached today; the review workflow moves documents
 * through the others.
 */
public enum PostmortemStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    PUBLISHED,
    /** No review needed: minor incidents (by the review rules, e.g. SEV4-5) skip the workflow. */
    NOT_REQUIRED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
