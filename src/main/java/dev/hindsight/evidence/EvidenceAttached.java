package dev.hindsight.evidence;

import dev.hindsight.incident.IncidentId;

/**
 * Published in the attaching transaction when new evidence is recorded (not when the same bytes were already
 * attached). A listener that throws undoes the attachment.
 */
public record EvidenceAttached(IncidentId incident, long evidenceId, EvidenceKind kind, String sha256) {}
