package dev.hindsight.engines.logs;

import java.util.List;

/**
 * What a parse saw.
 *
 * @param format the format used (detected or requested), never null
 * @param lines the number of input lines read, blank lines included
 * @param parsed the number of records whose header matched the format
 * @param unparsed the number of lines that matched no header and did not continue a record
 * @param continuationLines the number of lines appended to a previous record
 * @param unparsedExamples the first few unparsed lines with their line numbers, never null, at most
 *     {@link #MAX_EXAMPLES}
 */
public record ParseStats(
        LogFormat format,
        long lines,
        long parsed,
        long unparsed,
        long continuationLines,
        List<UnparsedLine> unparsedExamples) {

    /** The maximum number of unparsed examples kept. */
    public static final int MAX_EXAMPLES = 10;

    /**
     * A line that matched no header.
     *
     * @param lineNumber the 1-based line number
     * @param text the line, cut to 500 characters, never null
     */
    public record UnparsedLine(long lineNumber, String text) {}
}
