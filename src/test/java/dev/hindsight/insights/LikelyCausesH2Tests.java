package dev.hindsight.insights;

/** Likely causes on the embedded default database. */
class LikelyCausesH2Tests extends LikelyCausesContract {}
