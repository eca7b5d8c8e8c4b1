package dev.hindsight.blameless;

/**
 * One passage that blames a person or judges with hindsight: where it is ({@code start}/{@code end} offsets,
 * 1-based {@code line} and {@code column}), which rule it broke, why that matters and a system-focused rewording.
 */
public record LanguageFinding(
        int start,
        int end,
        int line,
        int column,
        String text,
        String rule,
        String category,
        String reason,
        String suggestion) {}
