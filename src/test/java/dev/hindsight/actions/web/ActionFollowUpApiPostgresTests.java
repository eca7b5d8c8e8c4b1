package dev.hindsight.actions.web;

import dev.hindsight.testing.UsePostgres;

/** Follow-up API on a real PostgreSQL server. */
@UsePostgres
class ActionFollowUpApiPostgresTests extends ActionFollowUpApiContract {}
