/**
 * Evidence: the files an investigation starts from (logs, alerts, chat exports, deploy records, metrics, statements),
 * attached to an incident. The bytes go into a content-addressed {@link dev.hindsight.evidence.EvidenceStore} (one
 * copy per SHA-256, streamed, never held in memory); a record becomes visible only once its bytes are safely stored,
 * in the same transaction as its audit entry. {@link dev.hindsight.evidence.EvidenceCollection} is the API; an
 * {@link dev.hindsight.evidence.EvidenceAttached} event announces each new record for the parsers to come.
 */
package dev.hindsight.evidence;
