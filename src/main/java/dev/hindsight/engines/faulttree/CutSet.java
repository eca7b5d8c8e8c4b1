package dev.hindsight.engines.faulttree;

import java.util.List;

/**
 * A product of literals: a minimal cut set (only {@code events}) or a prime implicant (which may also have
 * complemented events).
 *
 * @param events the basic events that occur, in variable order, never null
 * @param complemented the basic events that must not occur, never null, empty for a minimal cut set
 * @param probability the product of the event probabilities (and of 1 - p for complemented events)
 */
public record CutSet(List<String> events, List<String> complemented, double probability) {

    /** Copies the lists; throws NullPointerException when one is null. */
    public CutSet {
        events = List.copyOf(events);
        complemented = List.copyOf(complemented);
    }

    /** The number of literals, never negative. */
    public int order() {
        return events.size() + complemented.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        String sep = "";
        for (String e : events) {
            sb.append(sep).append(e);
            sep = ", ";
        }
        for (String e : complemented) {
            sb.append(sep).append("not ").append(e);
            sep = ", ";
        }
        return sb.append('}').toString();
    }
}
