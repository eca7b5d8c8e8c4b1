package dev.hindsight.engines.faulttree.internal;

/** Thrown when a decision diagram operation runs past its manager's deadline. */
public final class BudgetExceeded extends RuntimeException {

    /** @param nodes the number of nodes built when the deadline passed */
    public BudgetExceeded(int nodes) {
        super("time budget exceeded after building " + nodes + " decision-diagram nodes");
    }
}
