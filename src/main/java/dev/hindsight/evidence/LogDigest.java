package dev.hindsight.evidence;

import java.time.Instant;
import java.util.List;

/**
 * What was derived from a log when it was attached: how its lines parsed and the message templates mined from them.
 *
 * @param format the format the log was read as (detected or chosen)
 * @param unparsedExamples a few lines that matched no known header (they are kept in the raw evidence)
 * @param templates every template, most frequent first
 */
public record LogDigest(
        String format,
        long lines,
        long parsed,
        long unparsed,
        long continuationLines,
        List<String> unparsedExamples,
        List<Template> templates) {

    /**
     * One message template: {@code <*>} marks the variable parts.
     *
     * @param firstSeen the earliest timestamp of a line in the group, or null when none had one
     */
    public record Template(
            int id, String text, long count, Instant firstSeen, Instant lastSeen, List<String> examples) {}
}
