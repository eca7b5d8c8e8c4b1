package dev.hindsight.analysis;

import java.util.Arrays;
import java.util.Locale;
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
        return Names.parse(values(), name);
    }

    static final class Names {
        private Names() {}

        static <E extends Enum<E>> Optional<E> parse(E[] values, String name) {
            if (name == null) {
                return Optional.empty();
            }
            String normal =
                    name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            return Arrays.stream(values).filter(v -> v.name().equals(normal)).findFirst();
        }
    }
}
