package dev.hindsight.engines.bayes.io;

/** Thrown when a network file is malformed; the message gives the line (for BIF) and what was expected. */
public class NetworkFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying where and what is wrong. */
    public NetworkFormatException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public NetworkFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
