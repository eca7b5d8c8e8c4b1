package dev.hindsight.analysis;

import dev.hindsight.incident.IncidentId;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A root cause or contributing factor of an incident, as stored. Immutable: changes go through
 * {@link RootCauseAnalysis} (or {@link FiveWhysAnalysis} for factors marked on a Five Whys answer).
 *
 * @param category key of a {@link FactorCategory}
 * @param whyNodeId the Five Whys answer this factor was marked on, or null
 * @param evidence URLs or free-text references, never null
 * @param version increases by one on every save; a save based on an older version is refused
 */
public record ContributingFactor(
        long id,
        IncidentId incidentId,
        FactorKind kind,
        String title,
        String category,
        String description,
        AnalysisMethod method,
        Long whyNodeId,
        List<String> evidence,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {}
