package dev.hindsight.evidence;

/**
 * A stored blob: its SHA-256 as 64 lower-case hex digits and its size in bytes.
 *
 * @param sha256 never null
 * @param size never negative
 */
public record StoredBlob(String sha256, long size) {}
