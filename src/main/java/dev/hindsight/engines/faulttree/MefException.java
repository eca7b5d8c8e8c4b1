package dev.hindsight.engines.faulttree;

/** Thrown when Open-PSA MEF input is malformed, unsupported or inconsistent; the message names file and line. */
public final class MefException extends RuntimeException {

    private final String source;
    private final int line;

    /**
     * @param source the file or source name, may be null
     * @param line the 1-based line, or 0 when unknown
     */
    public MefException(String source, int line, String message) {
        super((source != null ? source : "<input>") + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** The file or source name, may be null. */
    public String source() {
        return source;
    }

    /** The 1-based line number, 0 when unknown. */
    public int line() {
        return line;
    }
}
