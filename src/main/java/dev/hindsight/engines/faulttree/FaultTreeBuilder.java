package dev.hindsight.engines.faulttree;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link FaultTree} step by step. Nodes may be referenced before they are defined; everything is checked by
 * {@link #build()}. Not thread-safe.
 */
public final class FaultTreeBuilder {

    private final String name;
    private final List<Gate> gates = new ArrayList<>();
    private final List<BasicEvent> basicEvents = new ArrayList<>();
    private final List<HouseEvent> houseEvents = new ArrayList<>();
    private String top;

    /** A builder for a tree called {@code name}; throws NullPointerException when it is null. */
    public FaultTreeBuilder(String name) {
        this.name = java.util.Objects.requireNonNull(name, "name");
    }

    /** Adds a basic event; throws IllegalArgumentException when the probability is outside [0, 1]. */
    public FaultTreeBuilder basicEvent(String event, double probability) {
        return basicEvent(event, probability, null);
    }

    /** Adds a basic event with a label; throws IllegalArgumentException when the probability is outside [0, 1]. */
    public FaultTreeBuilder basicEvent(String event, double probability, String label) {
        basicEvents.add(new BasicEvent(event, probability, label));
        return this;
    }

    /** Adds a house event with a constant state. */
    public FaultTreeBuilder houseEvent(String event, boolean state) {
        houseEvents.add(new HouseEvent(event, state, null));
        return this;
    }

    /** Adds a gate applying {@code connective} to the named children (AND, OR, NOT, XOR, NAND, NOR, IFF, ...). */
    public FaultTreeBuilder gate(String gate, Connective connective, String... children) {
        return gate(gate, Formula.of(connective, children));
    }

    /** Adds a k-out-of-n gate over the named children. */
    public FaultTreeBuilder atLeast(String gate, int k, String... children) {
        return gate(gate, Formula.atLeast(k, children));
    }

    /** Adds a cardinality gate: true when between {@code min} and {@code max} children are true. */
    public FaultTreeBuilder cardinality(String gate, int min, int max, String... children) {
        return gate(gate, Formula.cardinality(min, max, children));
    }

    /** Adds a gate with an arbitrary (possibly nested) formula. */
    public FaultTreeBuilder gate(String gate, Formula formula) {
        return gate(gate, formula, null);
    }

    /** Adds a gate with an arbitrary (possibly nested) formula and a label. */
    public FaultTreeBuilder gate(String gate, Formula formula, String label) {
        gates.add(new Gate(gate, formula, label));
        return this;
    }

    /** Sets the top gate; by default it is the first defined gate that no other gate references. */
    public FaultTreeBuilder top(String gate) {
        this.top = gate;
        return this;
    }

    /**
     * Builds the tree; never returns null.
     *
     * @throws IllegalArgumentException when there is no gate, a reference does not resolve, a name is defined twice or
     *     the gates form a cycle
     */
    public FaultTree build() {
        String t = top != null ? top : defaultTop(gates);
        return new FaultTree(name, t, gates, basicEvents, houseEvents);
    }

    static String defaultTop(List<Gate> gates) {
        if (gates.isEmpty()) {
            throw new IllegalArgumentException("the fault tree has no gate");
        }
        Set<String> referenced = new HashSet<>();
        for (Gate g : gates) {
            referenced.addAll(FaultTree.references(g.formula()));
        }
        for (Gate g : gates) {
            if (!referenced.contains(g.name())) {
                return g.name();
            }
        }
        return gates.get(0).name();
    }
}
