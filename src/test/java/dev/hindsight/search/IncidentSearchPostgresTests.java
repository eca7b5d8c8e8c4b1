package dev.hindsight.search;

import dev.hindsight.testing.UsePostgres;

/** Search on a real PostgreSQL server. */
@UsePostgres
class IncidentSearchPostgresTests extends IncidentSearchContract {}
