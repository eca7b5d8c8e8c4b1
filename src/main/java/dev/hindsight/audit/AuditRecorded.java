package dev.hindsight.audit;

/**
 * Published synchronously, inside the caller's transaction, each time an audit entry about an incident is recorded:
 * every change to an incident's data is audited, so this is how read models (such as the search index) learn that an
 * incident changed, whichever module changed it.
 */
public record AuditRecorded(long incidentId, String action) {}
