package dev.hindsight.evidence.internal.sources;

import dev.hindsight.evidence.EvidenceEventKind;
import dev.hindsight.evidence.internal.EventDraft;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a parser gathers: events, counts and what it could not read. */
final class Collected {

    static final int MAX_TITLE = 300;
    static final int MAX_DETAIL = 4000;

    final ZoneId zone;
    final Instant received;
    final Unparsed unparsed = new Unparsed();
    final List<EventDraft> events = new ArrayList<>();
    long items;
    String format;

    Collected(ZoneId zone, Instant received, String format) {
        this.zone = zone;
        this.received = received;
        this.format = format;
    }

    /** Adds an event; attributes with null or blank values are left out. */
    void event(
            Instant at,
            EvidenceEventKind kind,
            String title,
            String detail,
            long firstLine,
            long lastLine,
            Map<String, String> attributes) {
        Map<String, String> clean = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank()) {
                clean.put(k, Json.cut(v.strip(), 500));
            }
        });
        events.add(new EventDraft(
                at,
                kind,
                Json.cut(title.strip().replace('\n', ' '), MAX_TITLE),
                detail == null || detail.isBlank() ? null : Json.cut(detail.strip(), MAX_DETAIL),
                firstLine,
                lastLine,
                clean));
    }

    Instant time(String text) {
        return Times.parse(text, zone);
    }
}
