package dev.hindsight.meetings;

import dev.hindsight.testing.UsePostgres;

/** Postmortem meetings on a real PostgreSQL server. */
@UsePostgres
class MeetingsPostgresTests extends MeetingsContract {}
