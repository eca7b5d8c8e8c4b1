package dev.hindsight.evidence;

/** Evidence events on the embedded default database. */
class EvidenceEventsH2Tests extends EvidenceEventsContract {}
