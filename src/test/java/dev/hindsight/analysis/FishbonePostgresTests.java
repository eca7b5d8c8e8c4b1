package dev.hindsight.analysis;

import dev.hindsight.testing.UsePostgres;

/** The fishbone rules on a real PostgreSQL server. */
@UsePostgres
class FishbonePostgresTests extends FishboneContract {}
