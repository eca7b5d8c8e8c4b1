/**
 * Learning from past incidents: {@link dev.hindsight.engines.bayes.learn.CauseModel} counts how often each candidate
 * cause came with each symptom in a list of {@link dev.hindsight.engines.bayes.learn.IncidentCase}s and ranks the
 * likely causes of a new incident from its observed symptoms, with priors, lifts and the supporting past cases.
 */
package dev.hindsight.engines.bayes.learn;
