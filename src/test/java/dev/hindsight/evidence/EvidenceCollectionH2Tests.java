package dev.hindsight.evidence;

/** The evidence rules on the embedded default database (H2). */
class EvidenceCollectionH2Tests extends EvidenceCollectionContract {}
