/**
 * Change-point detection on numeric series: {@link dev.hindsight.engines.timeseries.ChangePoints} finds where the
 * mean of a noisy series shifts (PELT with a Gaussian cost and a penalty scaled by a robust noise estimate), so a
 * metric's step up or down becomes a moment on the incident timeline.
 */
package dev.hindsight.engines.timeseries;
