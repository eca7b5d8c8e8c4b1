package dev.hindsight.evidence;

import dev.hindsight.testing.UsePostgres;

/** The evidence rules on a real PostgreSQL server. */
@UsePostgres
class EvidenceCollectionPostgresTests extends EvidenceCollectionContract {}
