package dev.hindsight.faulttrees;

import dev.hindsight.testing.UsePostgres;

/** Building and editing fault trees on PostgreSQL. */
@UsePostgres
class FaultTreeEditingPostgresTests extends FaultTreeEditingContract {}
