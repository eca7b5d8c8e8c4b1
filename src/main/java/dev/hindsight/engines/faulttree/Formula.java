package dev.hindsight.engines.faulttree;

import java.util.List;
import java.util.Objects;

/**
 * A Boolean formula: a connective applied to arguments, which may themselves be formulas.
 *
 * @param connective the connective, never null
 * @param min for {@link Connective#ATLEAST} and {@link Connective#CARDINALITY} the lower bound, otherwise 0
 * @param max for {@link Connective#CARDINALITY} the upper bound, otherwise 0
 * @param args the arguments in order, never null or empty
 */
public record Formula(Connective connective, int min, int max, List<Argument> args) implements Argument {

    /** Throws IllegalArgumentException when the argument count or bounds do not fit the connective. */
    public Formula {
        Objects.requireNonNull(connective, "connective");
        args = List.copyOf(args);
        int n = args.size();
        if (n == 0) {
            throw new IllegalArgumentException(connective.mefName() + " formula without arguments");
        }
        switch (connective) {
            case NOT, NULL -> {
                if (n != 1) {
                    throw new IllegalArgumentException(connective.mefName() + " takes one argument, got " + n);
                }
            }
            case IFF, IMPLY -> {
                if (n != 2) {
                    throw new IllegalArgumentException(connective.mefName() + " takes two arguments, got " + n);
                }
            }
            case ATLEAST -> {
                if (min < 1 || min > n) {
                    throw new IllegalArgumentException("atleast min=" + min + " must be between 1 and " + n);
                }
            }
            case CARDINALITY -> {
                if (min < 0 || max < min || max > n) {
                    throw new IllegalArgumentException(
                            "cardinality needs 0 <= min <= max <= " + n + ", got min=" + min + " max=" + max);
                }
            }
            default -> {}
        }
    }

    /** A formula of {@code connective} over references to the named nodes; never null. */
    public static Formula of(Connective connective, String... names) {
        return new Formula(connective, 0, 0, refs(names));
    }

    /** A k-out-of-n formula over references to the named nodes; never null. */
    public static Formula atLeast(int k, String... names) {
        return new Formula(Connective.ATLEAST, k, 0, refs(names));
    }

    /** A cardinality formula (between {@code min} and {@code max} true) over the named nodes; never null. */
    public static Formula cardinality(int min, int max, String... names) {
        return new Formula(Connective.CARDINALITY, min, max, refs(names));
    }

    private static List<Argument> refs(String... names) {
        return java.util.Arrays.stream(names).<Argument>map(EventRef::new).toList();
    }
}
