package dev.hindsight.engines.blameless;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;

/**
 * Prints how long the check takes on a page of text (a benchmark, not a test): run with
 * {@code java -cp target/classes:target/test-classes dev.hindsight.engines.blameless.BlamelessBench}.
 */
public final class BlamelessBench {

    private BlamelessBench() {}

    public static void main(String[] args) {
        String page = BlamelessPropertyTests.randomDocument(new Random(99), 60);
        for (int i = 0; i < 2000; i++) {
            BlamelessChecker.check(page, Set.of("Alice"));
        }
        long[] times = new long[200];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            BlamelessChecker.check(page, Set.of("Alice"));
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf(
                "blameless-check: %d chars, median %.3f ms, p90 %.3f ms, best %.3f ms%n",
                page.length(), times[times.length / 2] / 1e6, times[times.length * 9 / 10] / 1e6, times[0] / 1e6);
    }
}
