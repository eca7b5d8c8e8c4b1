package dev.hindsight.postmortem;

/** The real postmortems import on the embedded default database (H2). */
class PostmortemImportH2Tests extends PostmortemImportContract {}
