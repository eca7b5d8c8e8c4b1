/**
 * Learning across incidents. For now: "likely causes from history", a Bayesian model learned from the contributing
 * factors and symptoms (affected services, tags) of past incidents the reader may see, ranking candidate causes for
 * the incident at hand with the numbers and the incidents behind them.
 */
package dev.hindsight.insights;
