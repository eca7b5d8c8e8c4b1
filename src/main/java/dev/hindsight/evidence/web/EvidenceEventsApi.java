package dev.hindsight.evidence.web;

import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.evidence.EvidenceEvent;
import dev.hindsight.shared.Actor;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/incidents/{key}/evidence-events}: everything found in the incident's evidence when it was
 * attached, by time, then evidence id, then sequence number.
 */
@RestController
class EvidenceEventsApi {

    private final EvidenceCollection evidence;

    EvidenceEventsApi(EvidenceCollection evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/api/v1/incidents/{key}/evidence-events")
    List<EvidenceEvent> events(Actor actor, @PathVariable String key) {
        return evidence.events(actor, EvidenceApi.id(key));
    }
}
