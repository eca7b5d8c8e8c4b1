/**
 * Discrete Bayesian networks: a validated model ({@link dev.hindsight.engines.bayes.BayesianNetwork}, built with
 * its builder or read from BIF / XMLBIF by {@code io}), exact inference by variable elimination
 * ({@link dev.hindsight.engines.bayes.VariableElimination}: posterior marginals and joints under hard and soft
 * evidence, probability of evidence, most probable explanation) and, in {@code learn}, a cause model learned from
 * past incidents that ranks the likely causes of a new incident given its symptoms.
 */
package dev.hindsight.engines.bayes;
