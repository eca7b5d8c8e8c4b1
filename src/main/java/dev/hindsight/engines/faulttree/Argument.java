package dev.hindsight.engines.faulttree;

/** One argument of a gate formula: a reference to a named event or gate, or a nested formula. */
public sealed interface Argument permits EventRef, Formula {}
