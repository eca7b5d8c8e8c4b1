/**
 * Fault trees on an incident: imported from (and exported to) Open-PSA MEF XML, analysed by the fault tree engine
 * (minimal cut sets, exact and approximate top-event probability, importance) and drawn as SVG.
 */
package dev.hindsight.faulttrees;
