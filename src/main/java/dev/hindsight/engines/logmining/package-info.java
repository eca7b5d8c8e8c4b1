/**
 * Log template mining in the Drain family: {@link dev.hindsight.engines.logmining.TemplateMiner} masks obvious
 * variables (numbers, addresses, identifiers, sizes and durations), files each distinct masked message under a
 * fixed-depth tree keyed by token count and a leading word, and groups messages into
 * {@link dev.hindsight.engines.logmining.LogTemplate}s by deciding from value statistics which differing positions are
 * parameters; {@link dev.hindsight.engines.logmining.GroupingAccuracy} scores a grouping against ground truth.
 */
package dev.hindsight.engines.logmining;
