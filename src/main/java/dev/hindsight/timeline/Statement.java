package dev.hindsight.timeline;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An eyewitness statement: what a participant saw, in their words, with the times it refers to.
 *
 * @param times the moments it refers to, UTC, in the order given
 * @param linkedEntries refs of the timeline entries it is linked to
 * @param entryRef the statement's own timeline entry ({@code M7}), or null when it is not on the timeline
 */
public record Statement(
        long id,
        String author,
        String text,
        List<OffsetDateTime> times,
        List<String> linkedEntries,
        String entryRef,
        OffsetDateTime writtenAt,
        int version) {}
