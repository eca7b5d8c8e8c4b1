package dev.hindsight.postmortem;

import dev.hindsight.testing.UsePostgres;

/** The postmortem document rules on a real PostgreSQL server. */
@UsePostgres
class PostmortemDocumentsPostgresTests extends PostmortemDocumentsContract {}
