package dev.hindsight.timeline;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Something the evidence says happened, from which a timeline entry may be proposed. {@code (evidenceId, seq)}
 * identifies it permanently.
 *
 * @param at when it happened, corrected for the source's clock offset
 * @param kind one of {@link SourceKinds} (the evidence module's event kinds by name)
 * @param firstLine the first raw line it came from (1-based), 0 when unknown
 * @param lastLine the last raw line it came from, 0 when unknown
 * @param attributes extra facts (severity, level, service, alertname, author, url, status, signal), never null
 */
public record SourceEvent(
        long evidenceId,
        int seq,
        OffsetDateTime at,
        String kind,
        String title,
        String detail,
        long firstLine,
        long lastLine,
        Map<String, String> attributes) {

    public SourceEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
