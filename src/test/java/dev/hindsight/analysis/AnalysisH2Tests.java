package dev.hindsight.analysis;

/** The root-cause analysis rules on the embedded default database (H2). */
class AnalysisH2Tests extends AnalysisContract {}
