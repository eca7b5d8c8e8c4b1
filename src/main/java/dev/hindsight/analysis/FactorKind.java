package dev.hindsight.analysis;

import dev.hindsight.analysis.internal.EnumNames;
import java.util.Optional;

/** Whether a factor is a root cause or one of the conditions that contributed. */
public enum FactorKind {
    ROOT_CAUSE("root cause"),
    CONTRIBUTING_FACTOR("contributing factor");

    private final String label;

    FactorKind(String label) {
        this.label = label;
    }

    /** How people read it: {@code root cause}, {@code contributing factor}. */
    public String label() {
        return label;
    }

    /** The kind named {@code name} in any case, with {@code -}, {@code _} or a space between words; else empty. */
    public static Optional<FactorKind> parse(String name) {
        return EnumNames.parse(values(), name);
    }
}
