package dev.hindsight.faulttrees;

/** Building and editing fault trees on H2. */
class FaultTreeEditingH2Tests extends FaultTreeEditingContract {}
