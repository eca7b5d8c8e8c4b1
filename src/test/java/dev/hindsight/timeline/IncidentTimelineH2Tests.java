package dev.hindsight.timeline;

/** The timeline rules on the embedded default database (H2). */
class IncidentTimelineH2Tests extends IncidentTimelineContract {}
