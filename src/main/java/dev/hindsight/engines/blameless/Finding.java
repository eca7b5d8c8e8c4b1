package dev.hindsight.engines.blameless;

import java.util.Objects;

/**
 * One piece of blaming or hindsight language found in a text.
 *
 * @param start offset of the first character of the match in the checked text (UTF-16 index, inclusive)
 * @param end offset just after the last character of the match (exclusive); {@code start < end}
 * @param text the matched text, equal to {@code checkedText.substring(start, end)}; never null
 * @param rule the rule that matched; never null
 * @param reason why the wording is a problem, for a person to read; never null or blank
 * @param suggestion a system-focused rewording or how to write one; never null or blank
 */
public record Finding(int start, int end, String text, Rule rule, String reason, String suggestion) {

    /**
     * Validates the finding.
     *
     * @throws IllegalArgumentException when the span is empty or negative, or text does not have the span's length
     * @throws NullPointerException when any reference component is null
     */
    public Finding {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(suggestion, "suggestion");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
        if (text.length() != end - start) {
            throw new IllegalArgumentException("text length does not match span " + start + ".." + end);
        }
    }
}
