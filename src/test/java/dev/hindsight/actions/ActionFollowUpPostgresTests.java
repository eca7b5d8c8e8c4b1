package dev.hindsight.actions;

import dev.hindsight.testing.UsePostgres;

/** Gate and recurrence rules on a real PostgreSQL server. */
@UsePostgres
class ActionFollowUpPostgresTests extends ActionFollowUpContract {}
