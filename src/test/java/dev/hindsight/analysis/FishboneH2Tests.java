package dev.hindsight.analysis;

/** The fishbone rules on the embedded default database (H2). */
class FishboneH2Tests extends FishboneContract {}
