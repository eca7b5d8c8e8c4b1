package dev.hindsight.engines.logs;

/** Recognises the header of one line of a format and fills a {@link Header}. */
interface HeaderParser {

    /** Fills {@code header} (already reset) and returns true when {@code line} starts a record of this format. */
    boolean parse(String line, Header header);

    /** Whether lines that match no header may continue the previous record (stack traces). */
    default boolean continuations() {
        return false;
    }
}
