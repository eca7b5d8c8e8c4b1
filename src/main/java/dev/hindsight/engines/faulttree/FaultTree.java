package dev.hindsight.engines.faulttree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, validated fault tree: named gates, basic events and house events, with one top gate. A node may be
 * referenced from several gates (the structure is a directed acyclic graph). Build one with {@link #builder(String)}
 * or read one with {@link MefImporter}.
 */
public final class FaultTree {

    private final String name;
    private final String top;
    private final Map<String, Gate> gates;
    private final Map<String, BasicEvent> basicEvents;
    private final Map<String, HouseEvent> houseEvents;

    /**
     * Creates a validated tree.
     *
     * @param name the tree's name, never null
     * @param top the name of the top gate, never null
     * @throws IllegalArgumentException when a name is defined twice, a reference does not resolve, the top gate is
     *     missing or the gates form a cycle
     */
    public FaultTree(
            String name, String top, List<Gate> gates, List<BasicEvent> basicEvents, List<HouseEvent> houseEvents) {
        this.name = name;
        this.top = top;
        Map<String, Gate> g = new LinkedHashMap<>();
        Map<String, BasicEvent> b = new LinkedHashMap<>();
        Map<String, HouseEvent> h = new LinkedHashMap<>();
        Set<String> all = new HashSet<>();
        for (Gate gate : gates) {
            unique(all, gate.name());
            g.put(gate.name(), gate);
        }
        for (BasicEvent e : basicEvents) {
            unique(all, e.name());
            b.put(e.name(), e);
        }
        for (HouseEvent e : houseEvents) {
            unique(all, e.name());
            h.put(e.name(), e);
        }
        this.gates = Collections.unmodifiableMap(g);
        this.basicEvents = Collections.unmodifiableMap(b);
        this.houseEvents = Collections.unmodifiableMap(h);
        if (top == null || !g.containsKey(top)) {
            throw new IllegalArgumentException("top gate '" + top + "' is not defined");
        }
        for (Gate gate : gates) {
            for (String ref : references(gate.formula())) {
                if (!all.contains(ref)) {
                    throw new IllegalArgumentException(
                            "gate '" + gate.name() + "' refers to undefined event or gate '" + ref + "'");
                }
            }
        }
        checkAcyclic();
    }

    /** A new builder for a tree called {@code name}; never null. */
    public static FaultTreeBuilder builder(String name) {
        return new FaultTreeBuilder(name);
    }

    private static void unique(Set<String> all, String n) {
        if (!all.add(n)) {
            throw new IllegalArgumentException("'" + n + "' is defined more than once");
        }
    }

    /** The names referenced anywhere in {@code formula}, in order of appearance; never null. */
    public static List<String> references(Formula formula) {
        List<String> out = new ArrayList<>();
        collect(formula, out);
        return out;
    }

    private static void collect(Formula f, List<String> out) {
        for (Argument a : f.args()) {
            switch (a) {
                case EventRef r -> out.add(r.name());
                case Formula nested -> collect(nested, out);
            }
        }
    }

    private void checkAcyclic() {
        Map<String, Integer> state = new HashMap<>();
        for (String start : gates.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<java.util.Iterator<String>> stack = new ArrayDeque<>();
            state.put(start, 1);
            path.push(start);
            stack.push(children(start).iterator());
            while (!stack.isEmpty()) {
                java.util.Iterator<String> it = stack.peek();
                if (it.hasNext()) {
                    String next = it.next();
                    Integer s = state.get(next);
                    if (s == null) {
                        state.put(next, 1);
                        path.push(next);
                        stack.push(children(next).iterator());
                    } else if (s == 1) {
                        throw new IllegalArgumentException("gates form a cycle through '" + next + "'");
                    }
                } else {
                    stack.pop();
                    state.put(path.pop(), 2);
                }
            }
        }
    }

    private List<String> children(String node) {
        Gate g = gates.get(node);
        if (g == null) {
            return List.of();
        }
        return references(g.formula()).stream().filter(gates::containsKey).toList();
    }

    /** The tree's name, never null. */
    public String name() {
        return name;
    }

    /** The name of the top gate, never null. */
    public String top() {
        return top;
    }

    /** The gates by name in definition order, unmodifiable, never null. */
    public Map<String, Gate> gates() {
        return gates;
    }

    /** The basic events by name in definition order, unmodifiable, never null. */
    public Map<String, BasicEvent> basicEvents() {
        return basicEvents;
    }

    /** The house events by name in definition order, unmodifiable, never null. */
    public Map<String, HouseEvent> houseEvents() {
        return houseEvents;
    }

    /** A copy of this tree with another top gate; throws IllegalArgumentException when it is not a gate. */
    public FaultTree withTop(String newTop) {
        return new FaultTree(
                name,
                newTop,
                List.copyOf(gates.values()),
                List.copyOf(basicEvents.values()),
                List.copyOf(houseEvents.values()));
    }

    /** A copy of this tree with the given house event set to {@code state}; throws when it is not a house event. */
    public FaultTree withHouseEvent(String houseEvent, boolean state) {
        HouseEvent old = houseEvents.get(houseEvent);
        if (old == null) {
            throw new IllegalArgumentException("'" + houseEvent + "' is not a house event");
        }
        List<HouseEvent> h = new ArrayList<>(houseEvents.values());
        h.replaceAll(e -> e.name().equals(houseEvent) ? new HouseEvent(e.name(), state, e.label()) : e);
        return new FaultTree(name, top, List.copyOf(gates.values()), List.copyOf(basicEvents.values()), h);
    }

    @Override
    public String toString() {
        return "FaultTree[" + name + ", top=" + top + ", " + gates.size() + " gates, " + basicEvents.size()
                + " basic events, " + houseEvents.size() + " house events]";
    }
}
