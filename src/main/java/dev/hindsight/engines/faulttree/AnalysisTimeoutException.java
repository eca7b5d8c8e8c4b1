package dev.hindsight.engines.faulttree;

/** Thrown when a fault tree analysis runs past the time budget given to {@link FaultTreeAnalysis#of}. */
public final class AnalysisTimeoutException extends RuntimeException {

    /** @param message what was being computed when the budget ran out, never null */
    public AnalysisTimeoutException(String message) {
        super(message);
    }
}
