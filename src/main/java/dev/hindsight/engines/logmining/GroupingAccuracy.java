package dev.hindsight.engines.logmining;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Grouping Accuracy as defined by Zhu et al., "Tools and Benchmarks for Automated Log Parsing" (ICSE-SEIP 2019): a
 * message is correctly grouped iff the set of messages in its predicted group equals the set of messages in its
 * ground-truth group; the accuracy is the fraction of correctly grouped messages.
 */
public final class GroupingAccuracy {

    private GroupingAccuracy() {}

    /**
     * The result of a comparison.
     *
     * @param correct the number of correctly grouped messages
     * @param total the number of messages
     */
    public record Result(long correct, long total) {

        /** {@code correct / total}, or 1 when there are no messages. */
        public double accuracy() {
            return total == 0 ? 1.0 : (double) correct / total;
        }
    }

    /**
     * Compares two labelings of the same messages, position by position.
     *
     * @param truth the ground-truth group label of each message, never null, no null elements
     * @param predicted the predicted group label of each message, never null, no null elements
     * @return the counts, never null
     * @throws IllegalArgumentException when the lists differ in size
     */
    public static <T, U> Result compute(List<T> truth, List<U> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    "truth has " + truth.size() + " labels but predicted has " + predicted.size());
        }
        Map<T, Integer> truthSizes = new HashMap<>();
        Map<U, Integer> predictedSizes = new HashMap<>();
        Map<List<Object>, Integer> pairSizes = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            T t = Objects.requireNonNull(truth.get(i), "truth label");
            U p = Objects.requireNonNull(predicted.get(i), "predicted label");
            truthSizes.merge(t, 1, Integer::sum);
            predictedSizes.merge(p, 1, Integer::sum);
            pairSizes.merge(List.of(t, p), 1, Integer::sum);
        }
        long correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            T t = truth.get(i);
            U p = predicted.get(i);
            int together = pairSizes.get(List.of(t, p));
            if (together == truthSizes.get(t) && together == predictedSizes.get(p)) {
                correct++;
            }
        }
        return new Result(correct, truth.size());
    }
}
