package dev.hindsight.evidence.internal.sources;

import java.util.ArrayList;
import java.util.List;

/** Counts what could not be read and keeps a few examples. */
final class Unparsed {

    static final int MAX_EXAMPLES = 10;
    private static final int MAX_EXAMPLE_LENGTH = 300;

    private long count;
    private final List<String> examples = new ArrayList<>();

    /** Counts one item; {@code example} says which and why. */
    void add(String example) {
        count++;
        if (examples.size() < MAX_EXAMPLES) {
            String flat = example.replace('\n', ' ').replace('\r', ' ');
            examples.add(flat.length() <= MAX_EXAMPLE_LENGTH ? flat : flat.substring(0, MAX_EXAMPLE_LENGTH - 1) + "…");
        }
    }

    long count() {
        return count;
    }

    List<String> examples() {
        return List.copyOf(examples);
    }
}
