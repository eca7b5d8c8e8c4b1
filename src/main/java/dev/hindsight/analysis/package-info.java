/**
 * Root-cause analysis: why an incident happened, as records other modules can point to. Admins keep a taxonomy of
 * factor categories; an incident's {@link dev.hindsight.analysis.ContributingFactor}s (root causes and contributing
 * factors, each with a category, the method it came from and its evidence) are kept by
 * {@link dev.hindsight.analysis.RootCauseAnalysis}; Five Whys trees, whose answers can be marked as factors, by
 * {@link dev.hindsight.analysis.FiveWhysAnalysis}; fishbone (Ishikawa) diagrams, whose causes can be promoted to
 * factors, by {@link dev.hindsight.analysis.FishboneAnalysis} (drawn as SVG in {@code internal}). Every change is checked, versioned and written to the incident's
 * audit trail.
 */
package dev.hindsight.analysis;
