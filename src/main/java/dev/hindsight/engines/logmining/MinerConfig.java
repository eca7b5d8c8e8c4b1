package dev.hindsight.engines.logmining;

/**
 * Tuning of {@link TemplateMiner}; {@link #defaults()} is meant for every log.
 *
 * @param similarityThreshold the fraction of positions a message shape must share with a family to join it, in (0, 1]
 * @param maxExamples how many example messages each template keeps, at least 0
 * @param maxShapesPerFamily how many distinct message shapes a family keeps apart before new ones join the closest
 *     existing shape, at least 1
 * @param maxCachedSignatures how many signatures the look-up cache holds before it is cleared, at least 1
 */
public record MinerConfig(
        double similarityThreshold, int maxExamples, int maxShapesPerFamily, int maxCachedSignatures) {

    /** Validates the values; throws IllegalArgumentException when one is out of range. */
    public MinerConfig {
        if (!(similarityThreshold > 0 && similarityThreshold <= 1)) {
            throw new IllegalArgumentException("similarityThreshold must be in (0, 1], got " + similarityThreshold);
        }
        if (maxExamples < 0 || maxShapesPerFamily < 1 || maxCachedSignatures < 1) {
            throw new IllegalArgumentException("maxExamples must be >= 0 and the other limits >= 1");
        }
    }

    /** The one configuration used for all logs. */
    public static MinerConfig defaults() {
        return new MinerConfig(0.5, 3, 512, 200_000);
    }
}
