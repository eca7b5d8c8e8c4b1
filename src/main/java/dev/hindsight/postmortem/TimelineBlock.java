package dev.hindsight.postmortem;

import dev.hindsight.incident.Incident;
import dev.hindsight.shared.Actor;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where the document's timeline section gets its moments: the accepted entries of the timeline module
 * ({@code CuratedTimeline}), else the incident's key times ({@code KeyTimesTimeline}).
 */
public interface TimelineBlock {

    /** The incident's moments in time order, as {@code actor} may see them. Never null. */
    List<Moment> momentsOf(Actor actor, Incident incident);

    /** One moment: when, and what happened, as plain text. */
    record Moment(OffsetDateTime at, String text) {}
}
