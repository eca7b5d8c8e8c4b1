package dev.hindsight.timeline;

import java.util.List;

/**
 * Raw lines around an entry's source, for the drill-down.
 *
 * @param firstLine the number of the first line in {@code lines}
 * @param fromLine the first line the entry came from
 * @param toLine the last line the entry came from
 */
public record RawExcerpt(String ref, long evidenceId, long firstLine, long fromLine, long toLine, List<String> lines) {}
