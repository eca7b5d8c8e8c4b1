package dev.hindsight.evidence.web;

/** The evidence API on the embedded default database. */
class EvidenceApiH2Tests extends EvidenceApiContract {}
