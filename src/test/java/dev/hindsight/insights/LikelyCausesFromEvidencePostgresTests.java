package dev.hindsight.insights;

import dev.hindsight.testing.UsePostgres;

/** Likely causes from evidence symptoms on a real PostgreSQL server. */
@UsePostgres
class LikelyCausesFromEvidencePostgresTests extends LikelyCausesFromEvidenceContract {}
