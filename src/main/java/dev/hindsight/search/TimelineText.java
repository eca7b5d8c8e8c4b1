package dev.hindsight.search;

import dev.hindsight.incident.Incident;
import dev.hindsight.timeline.EntryStatus;
import dev.hindsight.timeline.IncidentTimeline;
import dev.hindsight.timeline.TimelineFilter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The accepted timeline entries and the eyewitness statements of an incident. */
@Component
class TimelineText implements SearchContributor {

    private static final TimelineFilter ACCEPTED =
            new TimelineFilter(Set.of(EntryStatus.ACCEPTED), Set.of(), Set.of(), false);

    private final IncidentTimeline timeline;

    TimelineText(IncidentTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public Contribution contribute(Incident incident) {
        String entries = timeline.entries(IncidentSearch.INDEXER, incident.id(), ACCEPTED).stream()
                .map(e -> e.text() + (e.detail() == null ? "" : ". " + e.detail()))
                .collect(Collectors.joining("\n"));
        String statements = timeline.statements(IncidentSearch.INDEXER, incident.id()).stream()
                .map(s -> s.text())
                .collect(Collectors.joining("\n"));
        return new Contribution("timeline", (entries + "\n" + statements).strip(), List.of());
    }
}
