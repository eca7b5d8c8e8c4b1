package dev.hindsight.timeline;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import java.util.List;

/** Port: the source events of an incident's evidence, from which timeline entries are proposed. */
public interface ProposalSource {

    /**
     * The events of every evidence item on the incident, sorted by time; never null. Throws
     * {@link dev.hindsight.shared.NotFoundException} when the actor may not see the incident.
     */
    List<SourceEvent> events(Actor actor, IncidentId incidentId);
}
