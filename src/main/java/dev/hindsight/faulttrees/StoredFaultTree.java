package dev.hindsight.faulttrees;

import java.time.OffsetDateTime;

/**
 * A fault tree attached to an incident; {@code mefXml} is the model as imported, or as the engine writes it once the
 * tree was created or edited in Hindsight.
 *
 * @param version increases by one on every edit; an edit based on an older version is refused
 */
public record StoredFaultTree(
        long id,
        long incidentId,
        String name,
        String topGate,
        int gates,
        int basicEvents,
        String createdBy,
        OffsetDateTime createdAt,
        String mefXml,
        int version) {}
