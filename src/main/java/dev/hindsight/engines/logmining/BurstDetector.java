package dev.hindsight.engines.logmining;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds bursts in a stream of timestamped template occurrences with constant memory per template: occurrences are
 * counted in fixed time buckets, and a bucket is part of a burst when it holds at least {@code minCount} occurrences
 * and more than {@code factor} times the template's moving average of earlier quiet buckets (so a template that
 * appears suddenly and often is a burst too). Feed occurrences in roughly increasing time order; an occurrence older
 * than the template's current bucket is counted in that bucket. Not thread-safe.
 */
public final class BurstDetector {

    private static final double ALPHA = 0.2;

    private final long bucketMillis;
    private final double factor;
    private final int minCount;
    private final int maxBursts;
    private final Map<Integer, State> states = new HashMap<>();
    private final List<Burst> bursts = new ArrayList<>();

    /**
     * A burst of one template.
     *
     * @param templateId the id passed to {@link #observe}
     * @param start the start of the first bucket of the burst, never null
     * @param end the end of the last bucket of the burst, never null
     * @param count the occurrences in the burst
     * @param peakPerBucket the largest count of one bucket in the burst
     * @param baselinePerBucket the moving average per bucket before the burst (0 for a new template)
     */
    public record Burst(
            int templateId, Instant start, Instant end, long count, long peakPerBucket, double baselinePerBucket) {}

    /**
     * Creates a detector.
     *
     * @param bucket the bucket width, at least one millisecond
     * @param factor how many times the baseline a bucket must exceed, at least 1
     * @param minCount the fewest occurrences a bursting bucket holds, at least 1
     * @param maxBursts how many bursts are kept (later ones are dropped), at least 1
     * @throws IllegalArgumentException when a value is out of range
     */
    public BurstDetector(Duration bucket, double factor, int minCount, int maxBursts) {
        if (bucket.toMillis() < 1 || factor < 1 || minCount < 1 || maxBursts < 1) {
            throw new IllegalArgumentException(
                    "bucket >= 1 ms, factor >= 1, minCount >= 1 and maxBursts >= 1 required");
        }
        this.bucketMillis = bucket.toMillis();
        this.factor = factor;
        this.minCount = minCount;
        this.maxBursts = maxBursts;
    }

    /** One-minute buckets, 5 times the baseline, at least 20 occurrences, at most 10,000 bursts. */
    public static BurstDetector defaults() {
        return new BurstDetector(Duration.ofMinutes(1), 5, 20, 10_000);
    }

    /** Counts one occurrence of {@code templateId} at {@code time}; occurrences without a time (null) are ignored. */
    public void observe(int templateId, Instant time) {
        if (time == null) {
            return;
        }
        long bucket = Math.floorDiv(time.toEpochMilli(), bucketMillis);
        State state = states.get(templateId);
        if (state == null) {
            state = new State(bucket);
            states.put(templateId, state);
        } else if (bucket > state.bucket) {
            close(templateId, state, bucket);
        }
        state.count++;
    }

    /** Closes the open buckets and returns all bursts found, ordered by start; never null. */
    public List<Burst> finish() {
        states.forEach((id, state) -> {
            close(id, state, state.bucket + 1);
            endBurst(id, state);
        });
        states.clear();
        List<Burst> result = new ArrayList<>(bursts);
        result.sort((a, b) -> a.start().compareTo(b.start()));
        return result;
    }

    private void close(int id, State state, long nextBucket) {
        long count = state.count;
        if (count >= minCount && count > factor * state.baseline) {
            if (state.burstStart == Long.MIN_VALUE) {
                state.burstStart = state.bucket;
                state.burstBaseline = state.baseline;
                state.burstCount = 0;
                state.burstPeak = 0;
            }
            state.burstCount += count;
            state.burstPeak = Math.max(state.burstPeak, count);
            state.burstEnd = state.bucket;
        } else {
            endBurst(id, state);
            state.baseline = ALPHA * count + (1 - ALPHA) * state.baseline;
        }
        long gap = nextBucket - state.bucket - 1;
        if (gap > 0) {
            endBurst(id, state);
            state.baseline *= Math.pow(1 - ALPHA, Math.min(gap, 1000));
        }
        state.bucket = nextBucket;
        state.count = 0;
    }

    private void endBurst(int id, State state) {
        if (state.burstStart == Long.MIN_VALUE) {
            return;
        }
        if (bursts.size() < maxBursts) {
            bursts.add(new Burst(
                    id,
                    Instant.ofEpochMilli(state.burstStart * bucketMillis),
                    Instant.ofEpochMilli((state.burstEnd + 1) * bucketMillis),
                    state.burstCount,
                    state.burstPeak,
                    state.burstBaseline));
        }
        state.burstStart = Long.MIN_VALUE;
    }

    private static final class State {
        long bucket;
        long count;
        double baseline;
        long burstStart = Long.MIN_VALUE;
        long burstEnd;
        long burstCount;
        long burstPeak;
        double burstBaseline;

        State(long bucket) {
            this.bucket = bucket;
        }
    }
}
