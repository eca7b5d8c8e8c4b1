package dev.hindsight.incident;

/** The incident rules on the embedded default database (H2). */
class IncidentManagementH2Tests extends IncidentManagementContract {}
