package dev.hindsight.engines.timeseries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds shifts in the mean of a series with PELT (Killick, Fearnhead and Eckley, 2012): the segmentation minimising
 * the sum of squared deviations from each segment's mean, divided by the noise variance, plus a penalty per change.
 * The noise is estimated robustly from the median absolute first difference, so outliers and the steps themselves
 * barely move it. The default penalty ({@value #DEFAULT_PENALTY_FACTOR} × ln n) keeps flat noisy series free of
 * changes while finding a step of a few noise deviations within a sample or two. A change must also move the mean
 * by at least {@code minShift} noise deviations, so tiny drifts in very long series are not reported.
 *
 * <p>Runs in about linear time (pruning) and linear memory. Thread-safe: instances are immutable.
 */
public final class ChangePoints {

    /** Multiplies ln n for the default penalty. */
    public static final double DEFAULT_PENALTY_FACTOR = 4.0;

    /** The default minimal mean shift, in noise standard deviations. */
    public static final double DEFAULT_MIN_SHIFT = 1.5;

    private final double penaltyFactor;
    private final int minSegment;
    private final double minShift;

    /**
     * A change: the mean moves from {@code before} to {@code after} at sample {@code index}.
     *
     * @param index the first sample of the new segment (1 .. n-1)
     * @param before the mean of the segment that ends at {@code index - 1}
     * @param after the mean of the segment that starts at {@code index}
     */
    public record Change(int index, double before, double after) {}

    /**
     * Creates a detector.
     *
     * @param penaltyFactor the penalty per change is this times ln n, in units of noise variance; positive
     * @param minSegment the fewest samples in a segment, at least 1
     * @param minShift the smallest reported change of mean, in noise standard deviations; at least 0
     * @throws IllegalArgumentException when a value is out of range
     */
    public ChangePoints(double penaltyFactor, int minSegment, double minShift) {
        if (!(penaltyFactor > 0) || minSegment < 1 || !(minShift >= 0)) {
            throw new IllegalArgumentException("penaltyFactor > 0, minSegment >= 1 and minShift >= 0 required");
        }
        this.penaltyFactor = penaltyFactor;
        this.minSegment = minSegment;
        this.minShift = minShift;
    }

    /** Penalty {@value #DEFAULT_PENALTY_FACTOR} ln n, segments of at least 2 samples, shifts of 1.5 σ or more. */
    public static ChangePoints defaults() {
        return new ChangePoints(DEFAULT_PENALTY_FACTOR, 2, DEFAULT_MIN_SHIFT);
    }

    /**
     * The changes in {@code values}, by index; never null. NaN and infinite values are not allowed: drop them first.
     * A series shorter than two segments, or without noise and without steps, has no changes.
     *
     * @throws IllegalArgumentException when a value is not finite
     */
    public List<Change> find(double[] values) {
        int n = values.length;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values must be finite");
            }
        }
        if (n < 2 * minSegment) {
            return List.of();
        }
        double sigma = noise(values);
        if (sigma == 0) {
            return List.of();
        }
        double variance = sigma * sigma;
        double[] sum = new double[n + 1];
        double[] sumSq = new double[n + 1];
        double mean0 = values[0];
        for (int i = 0; i < n; i++) {
            double v = (values[i] - mean0) / sigma;
            sum[i + 1] = sum[i] + v;
            sumSq[i + 1] = sumSq[i] + v * v;
        }
        double penalty = penaltyFactor * Math.log(n);
        double[] best = new double[n + 1];
        int[] last = new int[n + 1];
        best[0] = -penalty;
        int[] candidates = new int[n + 1];
        int count = 0;
        for (int t = minSegment; t <= n; t++) {
            int newest = t - minSegment;
            if (newest == 0 || newest >= minSegment) {
                candidates[count++] = newest;
            }
            double bestCost = Double.POSITIVE_INFINITY;
            int bestLast = 0;
            for (int c = 0; c < count; c++) {
                int s = candidates[c];
                double cost = best[s] + cost(sum, sumSq, s, t) + penalty;
                if (cost < bestCost) {
                    bestCost = cost;
                    bestLast = s;
                }
            }
            best[t] = bestCost;
            last[t] = bestLast;
            int kept = 0;
            for (int c = 0; c < count; c++) {
                int s = candidates[c];
                if (best[s] + cost(sum, sumSq, s, t) <= bestCost) {
                    candidates[kept++] = s;
                }
            }
            count = kept;
        }
        List<Integer> cuts = new ArrayList<>();
        for (int t = n; t > 0; t = last[t]) {
            cuts.add(0, last[t]);
        }
        cuts.add(n);
        return changes(values, cuts, sigma);
    }

    private List<Change> changes(double[] values, List<Integer> cuts, double sigma) {
        List<Change> result = new ArrayList<>();
        int i = 1;
        while (i < cuts.size() - 1) {
            int start = cuts.get(i - 1);
            int at = cuts.get(i);
            int end = cuts.get(i + 1);
            double before = mean(values, start, at);
            double after = mean(values, at, end);
            if (Math.abs(after - before) < minShift * sigma) {
                cuts.remove(i);
                continue;
            }
            i++;
        }
        for (i = 1; i < cuts.size() - 1; i++) {
            int at = cuts.get(i);
            result.add(new Change(at, mean(values, cuts.get(i - 1), at), mean(values, at, cuts.get(i + 1))));
        }
        return result;
    }

    private static double cost(double[] sum, double[] sumSq, int from, int to) {
        double s = sum[to] - sum[from];
        return sumSq[to] - sumSq[from] - s * s / (to - from);
    }

    private static double mean(double[] values, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += values[i];
        }
        return s / (to - from);
    }

    /**
     * σ from the median absolute first difference (MAD / (0.6745 √2) for Gaussian noise); when more than half the
     * differences are 0 (a mostly flat series), from their mean instead; 0 for a constant series.
     */
    static double noise(double[] values) {
        double[] diffs = new double[values.length - 1];
        for (int i = 1; i < values.length; i++) {
            diffs[i - 1] = Math.abs(values[i] - values[i - 1]);
        }
        Arrays.sort(diffs);
        double median = diffs.length % 2 == 1
                ? diffs[diffs.length / 2]
                : (diffs[diffs.length / 2 - 1] + diffs[diffs.length / 2]) / 2;
        if (median > 0) {
            return median / (0.6745 * Math.sqrt(2));
        }
        double total = 0;
        for (double d : diffs) {
            total += d;
        }
        return total / diffs.length / (2 / Math.sqrt(Math.PI));
    }
}
