package dev.hindsight.evidence;

/**
 * The outcome of attaching a file.
 *
 * @param evidence the new record, or the one already holding the same bytes on this incident; never null
 * @param alreadyAttached true when the same bytes were already attached to the incident (nothing was added)
 */
public record Ingested(Evidence evidence, boolean alreadyAttached) {}
