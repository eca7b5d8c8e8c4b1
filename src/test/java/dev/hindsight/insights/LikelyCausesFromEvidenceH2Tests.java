package dev.hindsight.insights;

/** Likely causes from evidence symptoms on the embedded default database. */
class LikelyCausesFromEvidenceH2Tests extends LikelyCausesFromEvidenceContract {}
