package dev.hindsight.actions;

import dev.hindsight.testing.UsePostgres;

/** The action item rules on a real PostgreSQL server. */
@UsePostgres
class ActionItemsPostgresTests extends ActionItemsContract {}
