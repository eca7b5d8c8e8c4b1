package dev.hindsight.engines.bayes;

/** Thrown when a network definition is inconsistent; the message names the offending variable. */
public class NetworkValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the variable at fault. */
    public NetworkValidationException(String message) {
        super(message);
    }
}
