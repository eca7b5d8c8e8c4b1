package dev.hindsight.faulttrees;

import dev.hindsight.testing.UsePostgres;

/** Fault trees on PostgreSQL. */
@UsePostgres
class FaultTreesPostgresTests extends FaultTreesContract {}
