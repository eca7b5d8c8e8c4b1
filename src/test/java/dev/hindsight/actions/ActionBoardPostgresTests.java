package dev.hindsight.actions;

import dev.hindsight.testing.UsePostgres;

/** Board follow-up rules on a real PostgreSQL server. */
@UsePostgres
class ActionBoardPostgresTests extends ActionBoardContract {}
