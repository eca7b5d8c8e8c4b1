package dev.hindsight.timeline;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import java.util.List;

/** Port: raw lines of an evidence item, for the drill-down from an entry to where it came from. */
public interface RawLines {

    /**
     * Lines {@code fromLine}..{@code toLine} (1-based, inclusive) of the evidence as stored; fewer when the file is
     * shorter. Throws {@link dev.hindsight.shared.NotFoundException} when the evidence is not on a visible incident.
     */
    List<String> rawLines(Actor actor, IncidentId incidentId, long evidenceId, long fromLine, long toLine);
}
