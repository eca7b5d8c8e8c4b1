package dev.hindsight.reminders;

import dev.hindsight.testing.UsePostgres;

/** The follow-up schedule on a real PostgreSQL server. */
@UsePostgres
class ActionFollowUpPostgresTests extends ActionFollowUpContract {}
