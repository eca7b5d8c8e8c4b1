package dev.hindsight.engines.bayes;

/** Thrown when the evidence given to an inference has probability zero under the network. */
public class ImpossibleEvidenceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message describing the evidence. */
    public ImpossibleEvidenceException(String message) {
        super(message);
    }
}
