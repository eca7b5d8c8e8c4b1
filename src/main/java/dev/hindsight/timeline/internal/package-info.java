/**
 * The timeline's adapters to today's evidence module: proposals from log digests and raw lines read from the stored
 * bytes. Kept small and in one place so they can be replaced by the evidence module's event API.
 */
package dev.hindsight.timeline.internal;
