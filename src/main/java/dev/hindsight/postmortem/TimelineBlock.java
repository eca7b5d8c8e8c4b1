package dev.hindsight.postmortem;

import dev.hindsight.incident.Incident;
import dev.hindsight.shared.Actor;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where the document's timeline section gets its moments. The default lists the incident's key times; a timeline
 * module plugs in by declaring its own bean of this type marked {@code @Primary}.
 */
public interface TimelineBlock {

    /** The incident's moments in time order, as {@code actor} may see them. Never null. */
    List<Moment> momentsOf(Actor actor, Incident incident);

    /** One moment: when, and what happened, as plain text. */
    record Moment(OffsetDateTime at, String text) {}
}
