package dev.hindsight.evidence;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Something that happened, found in one piece of evidence when it was attached. Times are already corrected by the
 * evidence's clock offset. {@code (evidenceId, seq)} identifies an event permanently.
 *
 * @param evidenceId the evidence it was found in
 * @param seq its number within that evidence, from 1, in time order
 * @param at when it happened, in UTC, never null
 * @param kind what it is, never null
 * @param title a one-line summary, never null
 * @param detail more text (a message, a description), or null
 * @param firstLine the 1-based first line in the raw evidence it came from, 0 when not line-based
 * @param lastLine the 1-based last line in the raw evidence it came from, 0 when not line-based
 * @param attributes facts by name, e.g. severity, level, service, alertname, author, url, status, environment, sha,
 *     metric, signal; never null
 */
public record EvidenceEvent(
        long evidenceId,
        int seq,
        OffsetDateTime at,
        EvidenceEventKind kind,
        String title,
        String detail,
        long firstLine,
        long lastLine,
        Map<String, String> attributes) {

    public EvidenceEvent {
        attributes = Map.copyOf(attributes);
    }
}
