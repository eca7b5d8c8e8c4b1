package dev.hindsight.analysis;

import dev.hindsight.analysis.internal.EnumNames;
import java.util.Locale;
import java.util.Optional;

/** The analysis a factor came from. */
public enum AnalysisMethod {
    FIVE_WHYS,
    FISHBONE,
    FAULT_TREE,
    BAYES,
    MANUAL;

    /** How people read it: {@code five whys}, {@code manual}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The method named {@code name} in any case, with {@code -}, {@code _} or a space between words; else empty. */
    public static Optional<AnalysisMethod> parse(String name) {
        return EnumNames.parse(values(), name);
    }
}
