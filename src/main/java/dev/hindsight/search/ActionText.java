package dev.hindsight.search;

import dev.hindsight.actions.ActionItems;
import dev.hindsight.incident.Incident;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Action items: titles and descriptions as text. */
@Component
class ActionText implements SearchContributor {

    private final ActionItems actions;

    ActionText(ActionItems actions) {
        this.actions = actions;
    }

    @Override
    public Contribution contribute(Incident incident) {
        String text = actions.actionsOf(IncidentSearch.INDEXER, incident.id()).stream()
                .map(a -> a.title() + (a.description() == null ? "" : ". " + a.description()))
                .collect(Collectors.joining("\n"));
        return new Contribution("actions", text, List.of());
    }
}
