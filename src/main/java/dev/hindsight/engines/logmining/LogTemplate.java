package dev.hindsight.engines.logmining;

import java.time.Instant;
import java.util.List;

/**
 * A mined template: a group of messages that differ only in their parameters.
 *
 * @param id the template id: the smallest message-shape id in the group (see {@link TemplateMiner#add}); stable
 *     unless groups merge
 * @param template the template text, tokens separated by single spaces, {@code <*>} where a parameter stands; never
 *     null
 * @param count the number of messages in the group
 * @param firstSeen the earliest timestamp of a message in the group, or null when none had a timestamp
 * @param lastSeen the latest timestamp of a message in the group, or null when none had a timestamp
 * @param variablePositions the indexes of the template's tokens that are or contain {@code <*>}, never null
 * @param examples up to {@link MinerConfig#maxExamples()} example messages, never null
 */
public record LogTemplate(
        int id,
        String template,
        long count,
        Instant firstSeen,
        Instant lastSeen,
        List<Integer> variablePositions,
        List<String> examples) {}
