package dev.hindsight.analysis.web;

/** The analysis JSON API on the embedded default database. */
class AnalysisApiH2Tests extends AnalysisApiContract {}
