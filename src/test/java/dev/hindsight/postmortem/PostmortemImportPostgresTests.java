package dev.hindsight.postmortem;

import dev.hindsight.testing.UsePostgres;

/** The real postmortems import on a real PostgreSQL server. */
@UsePostgres
class PostmortemImportPostgresTests extends PostmortemImportContract {}
