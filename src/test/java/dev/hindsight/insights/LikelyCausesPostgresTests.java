package dev.hindsight.insights;

import dev.hindsight.testing.UsePostgres;

/** Likely causes on PostgreSQL. */
@UsePostgres
class LikelyCausesPostgresTests extends LikelyCausesContract {}
