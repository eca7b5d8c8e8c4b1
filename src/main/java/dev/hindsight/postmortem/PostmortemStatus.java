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
    PUBLISHED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
