package dev.hindsight.actions.web;

import dev.hindsight.testing.UsePostgres;

/** The action items API on PostgreSQL. */
@UsePostgres
class ActionApiPostgresTests extends ActionApiContract {}
