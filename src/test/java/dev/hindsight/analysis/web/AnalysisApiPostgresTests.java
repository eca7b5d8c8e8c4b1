package dev.hindsight.analysis.web;

import dev.hindsight.testing.UsePostgres;

/** The analysis JSON API on PostgreSQL. */
@UsePostgres
class AnalysisApiPostgresTests extends AnalysisApiContract {}
