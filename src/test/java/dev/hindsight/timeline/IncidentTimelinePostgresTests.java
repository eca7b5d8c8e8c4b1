package dev.hindsight.timeline;

import dev.hindsight.testing.UsePostgres;

/** The timeline rules on a real PostgreSQL server. */
@UsePostgres
class IncidentTimelinePostgresTests extends IncidentTimelineContract {}
