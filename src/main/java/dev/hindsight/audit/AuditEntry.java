package dev.hindsight.audit;

import java.time.OffsetDateTime;
import java.util.List;

/** One recorded change: what happened to which incident, by whom, and the fields it changed. */
public record AuditEntry(
        long id,
        Long incidentId,
        OffsetDateTime occurredAt,
        String actor,
        String action,
        String summary,
        List<FieldChange> changes) {}
