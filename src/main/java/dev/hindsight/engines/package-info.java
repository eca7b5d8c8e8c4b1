/**
 * The engines: Hindsight's own algorithms (log template mining, fault trees, Bayesian inference, the blameless
 * language check) as plain Java. Nothing here may import Spring, JDBC, servlet or web types; each engine lives in a
 * sub-package, has unit and property tests of its own and is adapted to storage and the web by a feature module.
 */
package dev.hindsight.engines;
