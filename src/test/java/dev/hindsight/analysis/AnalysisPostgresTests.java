package dev.hindsight.analysis;

import dev.hindsight.testing.UsePostgres;

/** The root-cause analysis rules on a real PostgreSQL server. */
@UsePostgres
class AnalysisPostgresTests extends AnalysisContract {}
