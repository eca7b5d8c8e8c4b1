package dev.hindsight.engines.logs;

/** Thrown when the input is not text: it contains NUL bytes or mostly control or undecodable bytes. */
public class BinaryLogException extends IllegalArgumentException {

    /** Creates the exception with a message saying why the input was rejected. */
    public BinaryLogException(String message) {
        super(message);
    }
}
