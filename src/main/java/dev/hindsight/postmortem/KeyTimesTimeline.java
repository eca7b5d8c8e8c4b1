package dev.hindsight.postmortem;

import dev.hindsight.incident.Incident;
import dev.hindsight.shared.Actor;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The default timeline: the incident's key times, until a timeline module provides its entries. */
@Component
class KeyTimesTimeline implements TimelineBlock {

    private static final Map<String, String> WORDS = Map.of(
            "startedAt", "Incident started",
            "detectedAt", "Detected",
            "acknowledgedAt", "Acknowledged",
            "mitigatedAt", "Mitigated",
            "resolvedAt", "Resolved");

    @Override
    public List<Moment> momentsOf(Actor actor, Incident incident) {
        List<Moment> moments = new ArrayList<>();
        for (Map.Entry<String, OffsetDateTime> e : incident.keyTimes().asMap().entrySet()) {
            if (e.getValue() != null) {
                moments.add(new Moment(e.getValue(), WORDS.get(e.getKey())));
            }
        }
        return moments;
    }
}
