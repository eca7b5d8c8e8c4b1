/**
 * Streaming log parsing: {@link dev.hindsight.engines.logs.LogParser} reads a log line by line with constant memory,
 * detects its {@link dev.hindsight.engines.logs.LogFormat} from the first lines (or takes an explicit one) and turns
 * each record, including multi-line stack traces, into a {@link dev.hindsight.engines.logs.LogRecord} with an
 * {@link java.time.Instant} timestamp resolved in a given zone, a level, a source and the message content; lines that
 * match no header are counted in {@link dev.hindsight.engines.logs.ParseStats} and kept as unparsed records.
 */
package dev.hindsight.engines.logs;
