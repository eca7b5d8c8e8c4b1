package dev.hindsight.incident.web;

import dev.hindsight.testing.UsePostgres;

/** The JSON API on PostgreSQL. */
@UsePostgres
class IncidentApiPostgresTests extends IncidentApiContract {}
