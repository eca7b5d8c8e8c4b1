package dev.hindsight.evidence;

/**
 * What comes with uploaded bytes. Every field but {@code name} may be null or blank for its default.
 *
 * @param name the original file name; directories are stripped
 * @param kind one of the {@link EvidenceKind} names; blank to guess from the name
 * @param zone an IANA zone name or offset; blank for UTC
 * @param clockOffsetSeconds how far the source's clock was ahead (positive) or behind; null for 0
 * @param format a parser format override; blank for none
 */
public record EvidenceUpload(String name, String kind, String zone, Integer clockOffsetSeconds, String format) {}
