package dev.hindsight.analysis;

/**
 * One category of the contributing-factor taxonomy.
 *
 * @param key lower-case identifier such as {@code configuration} or {@code detection-gap}, never null
 * @param description what belongs in the category, never null
 */
public record FactorCategory(String key, String description) {}
