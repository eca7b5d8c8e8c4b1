package dev.hindsight.search;

import dev.hindsight.incident.Incident;
import dev.hindsight.postmortem.PostmortemDocuments;
import dev.hindsight.postmortem.Section;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The sections people wrote in the incident's postmortem document (Markdown source). */
@Component
class PostmortemText implements SearchContributor {

    private final PostmortemDocuments documents;

    PostmortemText(PostmortemDocuments documents) {
        this.documents = documents;
    }

    @Override
    public Contribution contribute(Incident incident) {
        String text = documents.get(IncidentSearch.INDEXER, incident.id()).sections().stream()
                .map(Section::body)
                .filter(b -> b != null && !b.isBlank())
                .collect(Collectors.joining("\n"));
        return new Contribution("postmortem", text, List.of());
    }
}
