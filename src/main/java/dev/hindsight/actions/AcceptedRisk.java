package dev.hindsight.actions;

import dev.hindsight.incident.IncidentId;
import java.time.OffsetDateTime;

/**
 * An explicit decision not to act on a root cause: who accepted the risk, when and why.
 *
 * @param acceptedBy login name of the user who accepted it, or null when that user is gone
 */
public record AcceptedRisk(
        long factorId, IncidentId incidentId, String note, String acceptedBy, OffsetDateTime acceptedAt) {}
