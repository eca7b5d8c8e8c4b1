package dev.hindsight.faulttrees;

import java.time.OffsetDateTime;

/** A fault tree attached to an incident; {@code mefXml} is the model as imported. */
public record StoredFaultTree(
        long id,
        long incidentId,
        String name,
        String topGate,
        int gates,
        int basicEvents,
        String createdBy,
        OffsetDateTime createdAt,
        String mefXml) {}
