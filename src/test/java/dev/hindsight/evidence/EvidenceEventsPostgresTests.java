package dev.hindsight.evidence;

import dev.hindsight.testing.UsePostgres;

/** Evidence events on a real PostgreSQL server. */
@UsePostgres
class EvidenceEventsPostgresTests extends EvidenceEventsContract {}
