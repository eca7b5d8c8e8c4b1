package dev.hindsight.evidence.web;

import dev.hindsight.testing.UsePostgres;

/** The evidence API on a real PostgreSQL server. */
@UsePostgres
class EvidenceApiPostgresTests extends EvidenceApiContract {}
