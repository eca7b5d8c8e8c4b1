package dev.hindsight.timeline.web;

import dev.hindsight.testing.UsePostgres;

/** The timeline API on a real PostgreSQL server. */
@UsePostgres
class TimelineApiPostgresTests extends TimelineApiContract {}
