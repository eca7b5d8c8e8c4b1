package dev.hindsight.evidence;

/**
 * Changes to an evidence record's description; null fields are left as they are, a blank {@code format} clears it.
 */
public record EvidenceChange(String kind, String zone, Integer clockOffsetSeconds, String format) {}
