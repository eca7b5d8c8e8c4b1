package dev.hindsight.analysis.internal;

import dev.hindsight.shared.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Checks lists of references (URLs or free text) such as a factor's evidence or a Five Whys answer's sources. */
public final class References {

    /** The most references one thing may carry. */
    public static final int MAX_ITEMS = 30;

    /** The longest one reference may be. */
    public static final int MAX_LENGTH = 1000;

    private References() {}

    /**
     * The references trimmed, blanks and repeats dropped, line breaks folded into spaces; adds a field error naming
     * {@code field} (e.g. {@code evidence[2]}) for each broken rule. Never null.
     */
    public static List<String> clean(List<String> values, String field, List<FieldError> errors) {
        if (values == null) {
            return List.of();
        }
        List<String> cleaned = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                continue;
            }
            String one = value.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
            if (one.length() > MAX_LENGTH) {
                errors.add(new FieldError(field + "[" + i + "]", "at most " + MAX_LENGTH + " characters"));
            } else if (!cleaned.contains(one)) {
                cleaned.add(one);
            }
        }
        if (cleaned.size() > MAX_ITEMS) {
            errors.add(new FieldError(field, "at most " + MAX_ITEMS + " references"));
        }
        return cleaned;
    }

    /** Splits text typed as one reference per line or separated by {@code ;}. Never null. */
    public static List<String> split(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[;\\r\\n]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Whether a reference should be shown as a link: an http or https URL. */
    public static boolean isLink(String reference) {
        return Objects.requireNonNullElse(reference, "").matches("(?i)https?://\\S+");
    }
}
