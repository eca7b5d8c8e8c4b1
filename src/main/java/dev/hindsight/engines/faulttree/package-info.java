/**
 * Quantitative fault tree analysis: a fault tree model (gates, basic events, house events, shared subtrees) built with
 * {@link dev.hindsight.engines.faulttree.FaultTreeBuilder} or read from Open-PSA MEF XML with
 * {@link dev.hindsight.engines.faulttree.MefImporter}; {@link dev.hindsight.engines.faulttree.FaultTreeAnalysis}
 * computes the exact top-event probability on a reduced ordered BDD, the minimal cut sets as a ZBDD (counted without
 * listing them), the rare-event and min-cut-upper-bound approximations and importance factors;
 * {@link dev.hindsight.engines.faulttree.MefExporter} writes a model back to MEF and
 * {@link dev.hindsight.engines.faulttree.FaultTreeSvg} draws a small tree as SVG.
 */
package dev.hindsight.engines.faulttree;
