package dev.hindsight.incident.web;

/** The JSON API on the embedded default database. */
class IncidentApiH2Tests extends IncidentApiContract {}
