package dev.hindsight.search;

import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.incident.Incident;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Root causes and contributing factors: their titles and descriptions as text, their categories as a facet. */
@Component
class FactorText implements SearchContributor {

    private final RootCauseAnalysis analysis;

    FactorText(RootCauseAnalysis analysis) {
        this.analysis = analysis;
    }

    @Override
    public Contribution contribute(Incident incident) {
        List<ContributingFactor> factors = analysis.factorsOf(IncidentSearch.INDEXER, incident.id());
        String text = factors.stream()
                .map(f -> f.title() + (f.description() == null ? "" : ". " + f.description()))
                .collect(Collectors.joining("\n"));
        return new Contribution(
                "factors",
                text,
                factors.stream().map(ContributingFactor::category).distinct().toList());
    }
}
