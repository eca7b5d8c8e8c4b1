package dev.hindsight.search;

/** Search on the embedded default database (H2). */
class IncidentSearchH2Tests extends IncidentSearchContract {}
