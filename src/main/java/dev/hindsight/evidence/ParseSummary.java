package dev.hindsight.evidence;

import java.util.List;

/**
 * How an alert, chat, deploy or metric evidence was read when it was attached (logs have a {@link LogDigest}).
 *
 * @param format the format it was read as (detected or chosen), e.g. {@code alertmanager}, {@code slack}
 * @param items how many items were read: payload documents, messages, rows or data points
 * @param events how many events were derived
 * @param unparsed how many items or lines could not be read (they are kept in the raw evidence)
 * @param unparsedExamples a few of them, with their line numbers where known
 */
public record ParseSummary(String format, long items, int events, long unparsed, List<String> unparsedExamples) {}
