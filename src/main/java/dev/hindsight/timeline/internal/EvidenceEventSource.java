package dev.hindsight.timeline.internal;

import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.evidence.EvidenceEvent;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import dev.hindsight.timeline.ProposalSource;
import dev.hindsight.timeline.RawLines;
import dev.hindsight.timeline.SourceEvent;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The timeline's sources: the events the evidence module found in each item when it was attached (already corrected
 * for the item's clock offset, written in the same transaction as the item) and its raw lines for the drill-down.
 */
@Component
class EvidenceEventSource implements ProposalSource, RawLines {

    private final EvidenceCollection evidence;

    EvidenceEventSource(EvidenceCollection evidence) {
        this.evidence = evidence;
    }

    @Override
    public List<SourceEvent> events(Actor actor, IncidentId incidentId) {
        return evidence.events(actor, incidentId).stream()
                .map(EvidenceEventSource::toSourceEvent)
                .toList();
    }

    private static SourceEvent toSourceEvent(EvidenceEvent e) {
        return new SourceEvent(
                e.evidenceId(),
                e.seq(),
                e.at(),
                e.kind().name(),
                e.title(),
                e.detail(),
                e.firstLine(),
                e.lastLine(),
                e.attributes());
    }

    @Override
    public List<String> rawLines(Actor actor, IncidentId incidentId, long evidenceId, long fromLine, long toLine) {
        return evidence.rawLines(actor, incidentId, evidenceId, fromLine, toLine);
    }
}
