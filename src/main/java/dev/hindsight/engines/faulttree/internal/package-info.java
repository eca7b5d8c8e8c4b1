/**
 * Decision-diagram machinery behind the fault tree engine: a reduced ordered BDD with lossy computed tables, a ZBDD of
 * cut sets built from it by Rauzy's minimal-solutions algorithm, and a deep-stack runner for their recursions. Not part
 * of the engine's public API.
 */
package dev.hindsight.engines.faulttree.internal;
