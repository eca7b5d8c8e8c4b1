package dev.hindsight.evidence.internal;

import dev.hindsight.evidence.EvidenceEventKind;
import java.time.Instant;
import java.util.Map;

/**
 * An event as a parser found it, before it is numbered and stored; {@code at} is as the source's clock said (the
 * clock offset is applied when it is stored).
 */
public record EventDraft(
        Instant at,
        EvidenceEventKind kind,
        String title,
        String detail,
        long firstLine,
        long lastLine,
        Map<String, String> attributes) {}
