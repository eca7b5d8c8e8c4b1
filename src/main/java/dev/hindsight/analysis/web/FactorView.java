package dev.hindsight.analysis.web;

import dev.hindsight.analysis.ContributingFactor;
import java.time.OffsetDateTime;
import java.util.List;

/** A factor as the JSON API shows it. */
record FactorView(
        long id,
        String incident,
        String kind,
        String title,
        String category,
        String description,
        String method,
        Long whyNodeId,
        List<String> evidence,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {

    static FactorView of(ContributingFactor f) {
        return new FactorView(
                f.id(),
                f.incidentId().key(),
                f.kind().name(),
                f.title(),
                f.category(),
                f.description(),
                f.method().name(),
                f.whyNodeId(),
                f.evidence(),
                f.createdAt(),
                f.updatedAt(),
                f.version());
    }
}
