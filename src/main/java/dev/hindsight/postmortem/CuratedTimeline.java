package dev.hindsight.postmortem;

import dev.hindsight.incident.Incident;
import dev.hindsight.shared.Actor;
import dev.hindsight.timeline.EntryStatus;
import dev.hindsight.timeline.IncidentTimeline;
import dev.hindsight.timeline.TimelineEntry;
import dev.hindsight.timeline.TimelineFilter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The document's timeline from the timeline module: the entries people accepted, in time order, each with the key
 * moment it marks. Until anyone accepts an entry, the incident's key times (as {@link KeyTimesTimeline}).
 */
@Primary
@Component
class CuratedTimeline implements TimelineBlock {

    private static final TimelineFilter ACCEPTED =
            new TimelineFilter(Set.of(EntryStatus.ACCEPTED), Set.of(), Set.of(), false);

    private final IncidentTimeline timeline;
    private final KeyTimesTimeline keyTimes;

    CuratedTimeline(IncidentTimeline timeline, KeyTimesTimeline keyTimes) {
        this.timeline = timeline;
        this.keyTimes = keyTimes;
    }

    @Override
    public List<Moment> momentsOf(Actor actor, Incident incident) {
        List<Moment> moments = timeline.entries(actor, incident.id(), ACCEPTED).stream()
                .filter(e -> e.status() == EntryStatus.ACCEPTED && e.mergedInto() == null && e.at() != null)
                .sorted(Comparator.comparing(TimelineEntry::at))
                .map(e -> new Moment(
                        e.at(),
                        e.text()
                                + (e.keyMoment() == null
                                        ? ""
                                        : " (" + e.keyMoment().label() + ")")))
                .toList();
        return moments.isEmpty() ? keyTimes.momentsOf(actor, incident) : moments;
    }
}
