package dev.hindsight.insights;

import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.engines.bayes.learn.CauseModel;
import dev.hindsight.engines.bayes.learn.CauseRanking;
import dev.hindsight.engines.bayes.learn.IncidentCase;
import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentFilter;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.IncidentSort;
import dev.hindsight.incident.Page;
import dev.hindsight.incident.PageRequest;
import dev.hindsight.shared.Actor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Ranks contributing-factor categories for an incident from the history of incidents the reader may see: each past
 * incident with recorded factors is a case (its factor categories are the causes; its affected services and tags the
 * symptoms, with the alerts that fired and the error log bursts found in its evidence), a per-category naive Bayes model is learned from their counts with a Beta(1, 1) prior, and the
 * incident's own services and tags are the evidence. Restricted incidents the reader may not see never enter the
 * model, so its numbers reveal nothing about them.
 */
@Service
public class LikelyCauses {

    /** How many of the most recent incidents the model learns from. */
    static final int HISTORY = 2_000;

    private final IncidentManagement incidents;
    private final RootCauseAnalysis analysis;
    private final EvidenceCollection evidence;

    LikelyCauses(IncidentManagement incidents, RootCauseAnalysis analysis, EvidenceCollection evidence) {
        this.incidents = incidents;
        this.analysis = analysis;
        this.evidence = evidence;
    }

    /** The ranking for one incident. */
    public record Report(List<LikelyCause> causes, List<String> observed, List<String> unseenSymptoms, int casesUsed) {}

    /**
     * The incident's symptoms as the model names them: {@code service:<name>} and {@code tag:<tag>}, then from its
     * evidence {@code alert:<alertname>} (alerts that fired) and {@code burst:<template>} (error log bursts).
     */
    static List<String> symptoms(Incident incident, Set<String> fromEvidence) {
        List<String> symptoms = new ArrayList<>();
        incident.serviceNames().forEach(s -> symptoms.add("service:" + s));
        incident.tags().forEach(t -> symptoms.add("tag:" + t));
        symptoms.addAll(fromEvidence == null ? Set.of() : fromEvidence);
        return symptoms;
    }

    /** Ranks the categories for {@code id}; the incident itself is never one of the past cases. */
    public Report rank(Actor actor, IncidentId id) {
        Incident current = incidents.get(actor, id);
        Map<IncidentId, Incident> past = new LinkedHashMap<>();
        for (int page = 0; past.size() < HISTORY; page++) {
            Page<Incident> slice = incidents.list(
                    actor, IncidentFilter.ALL, new PageRequest(page, PageRequest.MAX_SIZE, IncidentSort.STARTED, true));
            slice.items().stream().filter(i -> !i.id().equals(id)).forEach(i -> past.put(i.id(), i));
            if (!slice.hasNext()) {
                break;
            }
        }
        Map<IncidentId, Set<String>> causes = new HashMap<>();
        for (List<ContributingFactor> factors :
                analysis.factorsByCategory(actor, past.keySet()).values()) {
            for (ContributingFactor f : factors) {
                causes.computeIfAbsent(f.incidentId(), k -> new LinkedHashSet<>())
                        .add(f.category());
            }
        }
        List<IncidentId> withEvidence = new ArrayList<>(causes.keySet());
        withEvidence.add(id);
        Map<IncidentId, Set<String>> evidenceSymptoms = evidence.symptoms(actor, withEvidence);
        List<IncidentCase> cases = new ArrayList<>();
        for (var entry : causes.entrySet()) {
            Incident incident = past.get(entry.getKey());
            cases.add(new IncidentCase(
                    incident.key(),
                    entry.getValue(),
                    new LinkedHashSet<>(symptoms(incident, evidenceSymptoms.get(incident.id())))));
        }
        List<String> observed = symptoms(current, evidenceSymptoms.get(id));
        if (cases.isEmpty()) {
            return new Report(List.of(), observed, observed, 0);
        }
        CauseRanking ranking = CauseModel.learn(cases).rank(observed);
        List<LikelyCause> ranked = ranking.causes().stream()
                .map(c -> new LikelyCause(
                        c.cause(),
                        c.posterior(),
                        c.prior(),
                        c.lift(),
                        c.occurrences(),
                        c.supportingCaseIds().stream()
                                .map(key -> IncidentId.parse(key).map(past::get).orElseThrow())
                                .map(i -> new LikelyCause.PastIncident(i.key(), i.title()))
                                .toList(),
                        c.evidence().stream()
                                .map(e -> new LikelyCause.SymptomWeight(e.symptom(), e.withCause(), e.withoutCause()))
                                .toList()))
                .toList();
        return new Report(ranked, observed, ranking.unknownSymptoms(), cases.size());
    }
}
