/**
 * Reading and writing Bayesian networks: the BIF text format ({@link dev.hindsight.engines.bayes.io.BifReader},
 * {@link dev.hindsight.engines.bayes.io.BifWriter}), XMLBIF 0.3 ({@link dev.hindsight.engines.bayes.io.XmlBifReader},
 * {@link dev.hindsight.engines.bayes.io.XmlBifWriter}, parsed without external entities) and
 * {@link dev.hindsight.engines.bayes.io.NetworkFiles}, which picks the format from the content.
 */
package dev.hindsight.engines.bayes.io;
