package dev.hindsight.timeline;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One entry of an incident's timeline, as curated so far.
 *
 * @param ref how to name it ({@code E12.5}, {@code M7})
 * @param origin {@code source} (from evidence), {@code manual} or {@code statement}
 * @param at when it happened, UTC
 * @param kind a source kind ({@link SourceKinds}), {@code MANUAL} or {@code STATEMENT}
 * @param source where it came from: the evidence file name, {@code manual}, or {@code statement by ...}
 * @param originalText what the source said, null for manual entries
 * @param text the text shown: the edited text, else the source's
 * @param proposed whether the proposal rules select it (false for events shown only with "all source events")
 * @param mergedInto the entry that absorbed this one, or null
 * @param absorbed the entries merged into this one
 * @param statementIds the statements linked to this entry
 * @param version 0 for a source entry nobody has curated yet
 */
public record TimelineEntry(
        String ref,
        String origin,
        OffsetDateTime at,
        String kind,
        String source,
        Long evidenceId,
        Integer seq,
        Long statementId,
        String originalText,
        String text,
        String detail,
        boolean edited,
        EntryStatus status,
        boolean proposed,
        KeyMoment keyMoment,
        String mergedInto,
        List<String> absorbed,
        List<Note> notes,
        List<Long> statementIds,
        long firstLine,
        long lastLine,
        Map<String, String> attributes,
        int version) {

    /** Whether raw lines can be shown for it. */
    public boolean hasLines() {
        return evidenceId != null && firstLine > 0;
    }
}
