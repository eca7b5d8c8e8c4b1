package dev.hindsight.analysis.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Reads enum constants the way people and API clients write them: any case, words joined by _, - or a space. */
public final class EnumNames {

    private EnumNames() {}

    /** The constant of {@code values} named {@code name}; empty when none matches or {@code name} is null. */
    public static <E extends Enum<E>> Optional<E> parse(E[] values, String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normal = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values).filter(v -> v.name().equals(normal)).findFirst();
    }
}
