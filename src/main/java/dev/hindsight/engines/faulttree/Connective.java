package dev.hindsight.engines.faulttree;

/** The Boolean connective of a gate formula, named as in Open-PSA MEF. */
public enum Connective {
    /** All arguments true. */
    AND("and"),
    /** At least one argument true. */
    OR("or"),
    /** At least {@code min} arguments true (k-out-of-n). */
    ATLEAST("atleast"),
    /** Between {@code min} and {@code max} arguments true, inclusive. */
    CARDINALITY("cardinality"),
    /** The single argument false. */
    NOT("not"),
    /** An odd number of arguments true. */
    XOR("xor"),
    /** Not all arguments true. */
    NAND("nand"),
    /** No argument true. */
    NOR("nor"),
    /** Both arguments equal (exactly two arguments). */
    IFF("iff"),
    /** The first argument false or the second true (exactly two arguments). */
    IMPLY("imply"),
    /** Pass-through: the value of the single argument. */
    NULL("null");

    private final String mefName;

    Connective(String mefName) {
        this.mefName = mefName;
    }

    /** The element name of this connective in MEF XML, never null. */
    public String mefName() {
        return mefName;
    }

    /** The connective whose MEF element name is {@code name}, or null when there is none. */
    public static Connective fromMef(String name) {
        for (Connective c : values()) {
            if (c.mefName.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
