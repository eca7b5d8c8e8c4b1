package dev.hindsight.incident;

import dev.hindsight.testing.UsePostgres;

/** The incident rules on a real PostgreSQL server. */
@UsePostgres
class IncidentManagementPostgresTests extends IncidentManagementContract {}
