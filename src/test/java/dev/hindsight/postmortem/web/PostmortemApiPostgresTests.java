package dev.hindsight.postmortem.web;

import dev.hindsight.testing.UsePostgres;

/** The postmortem API on a real PostgreSQL server. */
@UsePostgres
class PostmortemApiPostgresTests extends PostmortemApiContract {}
