package dev.hindsight.faulttrees;

/** Fault trees on the embedded default database. */
class FaultTreesH2Tests extends FaultTreesContract {}
