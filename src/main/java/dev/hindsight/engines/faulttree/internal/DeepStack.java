package dev.hindsight.engines.faulttree.internal;

import java.util.concurrent.Callable;

/** Runs a computation on a thread with a large stack, for the deep recursions of decision diagrams. */
public final class DeepStack {

    private static final long STACK_BYTES = 1L << 30;

    private DeepStack() {}

    /** Runs {@code task} on a fresh thread with a 1 GiB stack and returns its result, rethrowing its exception. */
    public static <T> T run(Callable<T> task) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        result[0] = task.call();
                    } catch (Throwable e) {
                        failure[0] = e;
                    }
                },
                "fault-tree-analysis",
                STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during fault tree analysis", e);
        }
        if (failure[0] instanceof RuntimeException re) {
            throw re;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        @SuppressWarnings("unchecked")
        T r = (T) result[0];
        return r;
    }
}
