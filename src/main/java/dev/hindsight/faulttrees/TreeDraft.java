package dev.hindsight.faulttrees;

import dev.hindsight.engines.faulttree.Argument;
import dev.hindsight.engines.faulttree.BasicEvent;
import dev.hindsight.engines.faulttree.Connective;
import dev.hindsight.engines.faulttree.EventRef;
import dev.hindsight.engines.faulttree.FaultTree;
import dev.hindsight.engines.faulttree.Formula;
import dev.hindsight.engines.faulttree.Gate;
import dev.hindsight.engines.faulttree.HouseEvent;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fault tree being edited. It starts from a valid {@link FaultTree} and every change keeps it valid: each method
 * checks its rules first and throws {@link InvalidInputException} naming the field (the draft is then unchanged), or
 * {@link NotFoundException} for a gate or event the tree does not have. {@link #toTree()} gives the edited tree. Edits
 * act on a gate's direct inputs; inputs inside a nested formula (only found in imported models) are read-only.
 */
final class TreeDraft {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 500;
    static final List<String> GATE_TYPES = List.of("and", "or", "atleast", "not");

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.\\-]+");

    private final String treeName;
    private String top;
    private final Map<String, Gate> gates = new LinkedHashMap<>();
    private final Map<String, BasicEvent> basicEvents = new LinkedHashMap<>();
    private final Map<String, HouseEvent> houseEvents = new LinkedHashMap<>();

    private TreeDraft(String treeName) {
        this.treeName = treeName;
    }

    /** A draft of {@code tree}. */
    static TreeDraft of(FaultTree tree) {
        TreeDraft d = new TreeDraft(tree.name());
        d.top = tree.top();
        d.gates.putAll(tree.gates());
        d.basicEvents.putAll(tree.basicEvents());
        d.houseEvents.putAll(tree.houseEvents());
        return d;
    }

    /** A new tree of one top gate (with its first input); throws {@link InvalidInputException} naming the field. */
    static TreeDraft create(String treeName, FaultTreeNodeForm topGate) {
        TreeDraft d = new TreeDraft(treeName);
        List<FieldError> errors = new ArrayList<>();
        if (topGate == null || !"gate".equals(normalise(topGate.kind()))) {
            errors.add(new FieldError("top.kind", "the top event must be a gate"));
            throw new InvalidInputException(errors);
        }
        d.checkNew(topGate, "top.", errors, new HashSet<>(), null);
        check(errors);
        d.top = d.addNew(topGate);
        return d;
    }

    /** The edited tree; never null. */
    FaultTree toTree() {
        return new FaultTree(
                treeName,
                top,
                List.copyOf(gates.values()),
                List.copyOf(basicEvents.values()),
                List.copyOf(houseEvents.values()));
    }

    String top() {
        return top;
    }

    /** What kind of node {@code name} is: a gate, a basic event, a house event; null when there is none. */
    String kindOf(String name) {
        if (gates.containsKey(name)) {
            return "gate";
        }
        if (basicEvents.containsKey(name)) {
            return "basic event";
        }
        return houseEvents.containsKey(name) ? "house event" : null;
    }

    /**
     * Adds {@code form} as the last input of gate {@code parent}.
     *
     * @return the name of the node placed under the gate
     */
    String add(String parent, FaultTreeNodeForm form) {
        Gate gate = gate(parent);
        List<FieldError> errors = new ArrayList<>();
        switch (gate.formula().connective()) {
            case NOT, NULL, IFF, IMPLY ->
                errors.add(new FieldError(
                        "parent",
                        "'" + parent + "' is a " + typeName(gate.formula()) + " gate and takes no further input"));
            default -> {}
        }
        if (form == null) {
            errors.add(new FieldError("kind", "is required"));
            throw new InvalidInputException(errors);
        }
        String kind = normalise(form.kind());
        if ("existing".equals(kind)) {
            String name = trim(form.name());
            checkExisting(name, parent, "", errors);
            check(errors);
        } else {
            checkNew(form, "", errors, new HashSet<>(), parent);
            check(errors);
        }
        String child = "existing".equals(kind) ? trim(form.name()) : addNew(form);
        List<Argument> args = new ArrayList<>(gate.formula().args());
        args.add(new EventRef(child));
        replaceArgs(gate, args, gate.formula().connective(), gate.formula().min());
        return child;
    }

    /** Applies {@code change} to the gate or event {@code node}; returns the changes made, for the audit trail. */
    List<String> update(String node, FaultTreeNodeChange change) {
        String kind = kindOf(node);
        if (kind == null) {
            throw new NotFoundException("No gate or event '" + node + "' in this fault tree");
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> made = new ArrayList<>();
        String newName = change.name() == null ? node : trim(change.name());
        if (!newName.equals(node)) {
            checkName(newName, "name", errors);
            if (kindOf(newName) != null) {
                errors.add(new FieldError("name", "'" + newName + "' is already used by a " + kindOf(newName)));
            }
        }
        String description = change.description() == null ? null : trim(change.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "at most " + MAX_DESCRIPTION + " characters"));
        }
        Connective connective = null;
        int k = 0;
        if (kind.equals("gate")) {
            Formula f = gates.get(node).formula();
            int n = f.args().size();
            connective = change.type() == null ? f.connective() : connective(change.type(), "type", errors);
            if (connective == Connective.ATLEAST) {
                Integer wanted =
                        change.k() != null ? change.k() : f.connective() == Connective.ATLEAST ? f.min() : null;
                if (wanted == null) {
                    errors.add(new FieldError("k", "is required for an atleast gate (1 to " + n + ")"));
                } else if (wanted < 1 || wanted > n) {
                    errors.add(new FieldError(
                            "k", "must be between 1 and " + n + " (the number of inputs of '" + node + "')"));
                } else {
                    k = wanted;
                }
            } else if (change.k() != null && connective != null) {
                errors.add(new FieldError("k", "applies to atleast gates only"));
            }
            if (connective == Connective.NOT && n != 1) {
                errors.add(new FieldError("type", "a not gate has exactly one input; '" + node + "' has " + n));
            }
            if (connective == Connective.CARDINALITY && f.connective() == Connective.CARDINALITY) {
                k = f.min();
            }
            refuse(change.probability() != null, "probability", "applies to basic events only", errors);
            refuse(change.state() != null, "state", "applies to house events only", errors);
        } else {
            refuse(change.type() != null, "type", "applies to gates only", errors);
            refuse(change.k() != null, "k", "applies to atleast gates only", errors);
            if (kind.equals("basic event")) {
                refuse(change.state() != null, "state", "applies to house events only", errors);
                checkProbability(change.probability(), "probability", errors);
            } else {
                refuse(change.probability() != null, "probability", "applies to basic events only", errors);
            }
        }
        check(errors);
        String label = description == null ? null : description.isEmpty() ? "" : description;
        switch (kind) {
            case "gate" -> {
                Gate g = gates.get(node);
                Formula f = g.formula();
                String newLabel = label == null ? g.label() : label.isEmpty() ? null : label;
                Formula nf = connective == f.connective() && (connective != Connective.ATLEAST || k == f.min())
                        ? f
                        : new Formula(connective, k, connective == Connective.CARDINALITY ? f.max() : 0, f.args());
                if (nf != f) {
                    made.add("type " + typeName(f) + " → " + typeName(nf));
                }
                if (!java.util.Objects.equals(newLabel, g.label())) {
                    made.add("description");
                }
                gates.put(node, new Gate(node, nf, newLabel));
            }
            case "basic event" -> {
                BasicEvent e = basicEvents.get(node);
                String newLabel = label == null ? e.label() : label.isEmpty() ? null : label;
                double p = change.probability() == null ? e.probability() : change.probability();
                if (Double.compare(p, e.probability()) != 0) {
                    made.add("probability " + e.probability() + " → " + p);
                }
                if (!java.util.Objects.equals(newLabel, e.label())) {
                    made.add("description");
                }
                basicEvents.put(node, new BasicEvent(node, p, newLabel));
            }
            default -> {
                HouseEvent e = houseEvents.get(node);
                String newLabel = label == null ? e.label() : label.isEmpty() ? null : label;
                boolean state = change.state() == null ? e.state() : change.state();
                if (state != e.state()) {
                    made.add("state " + e.state() + " → " + state);
                }
                if (!java.util.Objects.equals(newLabel, e.label())) {
                    made.add("description");
                }
                houseEvents.put(node, new HouseEvent(node, state, newLabel));
            }
        }
        if (!newName.equals(node)) {
            rename(node, newName);
            made.add("name " + node + " → " + newName);
        }
        return made;
    }

    /**
     * Detaches {@code child} from gate {@code parent}; when nothing else uses it, deletes it, and so on down its inputs.
     *
     * @return the names of the deleted nodes, in order
     */
    List<String> detach(String parent, String child) {
        Gate gate = gate(parent);
        Formula f = gate.formula();
        List<Argument> args = new ArrayList<>(f.args());
        boolean direct = args.removeIf(a -> a instanceof EventRef r && r.name().equals(child));
        if (!direct) {
            throw new InvalidInputException(
                    "child",
                    FaultTree.references(f).contains(child)
                            ? "'" + child + "' sits inside a nested formula of '" + parent
                                    + "'; edit the MEF file to change it"
                            : "'" + child + "' is not an input of '" + parent + "'");
        }
        int n = args.size();
        if (n == 0) {
            throw new InvalidInputException(
                    "child",
                    "'" + child + "' is the only input of '" + parent + "'; add another input first, or remove '"
                            + parent + "' itself");
        }
        switch (f.connective()) {
            case NOT, NULL ->
                throw new InvalidInputException("child", "a " + typeName(f) + " gate has exactly one input");
            case IFF, IMPLY ->
                throw new InvalidInputException("child", "a " + typeName(f) + " gate has exactly two inputs");
            case ATLEAST -> {
                if (f.min() > n) {
                    throw new InvalidInputException(
                            "child",
                            "'" + parent + "' needs at least " + f.min() + " of its inputs; lower k to " + n
                                    + " first");
                }
            }
            case CARDINALITY -> {
                if (f.max() > n) {
                    throw new InvalidInputException(
                            "child", "'" + parent + "' counts up to " + f.max() + " inputs; lower its bounds first");
                }
            }
            default -> {}
        }
        replaceArgs(gate, args, f.connective(), f.min());
        List<String> deleted = new ArrayList<>();
        Deque<String> candidates = new ArrayDeque<>(List.of(child));
        while (!candidates.isEmpty()) {
            String node = candidates.pop();
            if (node.equals(top) || kindOf(node) == null || isReferenced(node)) {
                continue;
            }
            Gate removed = gates.remove(node);
            basicEvents.remove(node);
            houseEvents.remove(node);
            deleted.add(node);
            if (removed != null) {
                candidates.addAll(FaultTree.references(removed.formula()));
            }
        }
        return deleted;
    }

    private Gate gate(String name) {
        Gate gate = gates.get(name);
        if (gate == null) {
            throw new NotFoundException("No gate '" + name + "' in this fault tree");
        }
        return gate;
    }

    private void replaceArgs(Gate gate, List<Argument> args, Connective connective, int min) {
        Formula f = gate.formula();
        gates.put(gate.name(), new Gate(gate.name(), new Formula(connective, min, f.max(), args), gate.label()));
    }

    private boolean isReferenced(String node) {
        for (Gate g : gates.values()) {
            if (FaultTree.references(g.formula()).contains(node)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code target} is {@code from} or lies below it. */
    private boolean reaches(String from, String target) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String node = todo.pop();
            if (node.equals(target)) {
                return true;
            }
            Gate g = gates.get(node);
            if (g != null && seen.add(node)) {
                todo.addAll(FaultTree.references(g.formula()));
            }
        }
        return false;
    }

    private void rename(String from, String to) {
        Map<String, Gate> g = new LinkedHashMap<>();
        for (Gate gate : gates.values()) {
            String name = gate.name().equals(from) ? to : gate.name();
            g.put(name, new Gate(name, renamed(gate.formula(), from, to), gate.label()));
        }
        gates.clear();
        gates.putAll(g);
        renameKey(basicEvents, from, to, e -> new BasicEvent(to, e.probability(), e.label()));
        renameKey(houseEvents, from, to, e -> new HouseEvent(to, e.state(), e.label()));
        if (top.equals(from)) {
            top = to;
        }
    }

    private static <T> void renameKey(
            Map<String, T> map, String from, String to, java.util.function.UnaryOperator<T> f) {
        if (!map.containsKey(from)) {
            return;
        }
        Map<String, T> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k.equals(from) ? to : k, k.equals(from) ? f.apply(v) : v));
        map.clear();
        map.putAll(copy);
    }

    private static Formula renamed(Formula f, String from, String to) {
        List<Argument> args = new ArrayList<>();
        for (Argument a : f.args()) {
            args.add(
                    switch (a) {
                        case EventRef r -> r.name().equals(from) ? new EventRef(to) : r;
                        case Formula nested -> renamed(nested, from, to);
                    });
        }
        return new Formula(f.connective(), f.min(), f.max(), args);
    }

    /** Checks a new node (and a new gate's first input); {@code taken} collects the names it would define. */
    private void checkNew(
            FaultTreeNodeForm form, String prefix, List<FieldError> errors, Set<String> taken, String parent) {
        int n = 1;
        String kind = normalise(form.kind());
        String name = trim(form.name());
        if (!List.of("gate", "basic-event", "house-event").contains(kind)) {
            errors.add(new FieldError(
                    prefix + "kind",
                    kind == null
                            ? "is required: gate, basic-event, house-event or existing"
                            : "'" + form.kind() + "' is not one of gate, basic-event, house-event, existing"));
            return;
        }
        if (checkName(name, prefix + "name", errors)) {
            if (kindOf(name) != null) {
                errors.add(new FieldError(prefix + "name", "'" + name + "' is already used by a " + kindOf(name)));
            } else if (!taken.add(name)) {
                errors.add(new FieldError(prefix + "name", "'" + name + "' is used twice in this request"));
            }
        }
        String description = trim(form.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError(prefix + "description", "at most " + MAX_DESCRIPTION + " characters"));
        }
        switch (kind) {
            case "gate" -> {
                Connective c = connective(form.type(), prefix + "type", errors);
                if (c == Connective.ATLEAST) {
                    if (form.k() == null) {
                        errors.add(new FieldError(prefix + "k", "is required for an atleast gate"));
                    } else if (form.k() < 1 || form.k() > n) {
                        errors.add(new FieldError(
                                prefix + "k",
                                "must be between 1 and " + n
                                        + " (the number of inputs); raise it once more inputs are added"));
                    }
                } else if (form.k() != null && c != null) {
                    errors.add(new FieldError(prefix + "k", "applies to atleast gates only"));
                }
                FaultTreeNodeForm first = form.firstChild();
                if (first == null || first.kind() == null) {
                    errors.add(new FieldError(
                            prefix + "firstChild.kind",
                            "is required: a gate has at least one input (a basic event, house event or existing"
                                    + " node)"));
                } else if ("existing".equals(normalise(first.kind()))) {
                    String existing = trim(first.name());
                    if (checkName(existing, prefix + "firstChild.name", errors) && kindOf(existing) == null) {
                        errors.add(new FieldError(
                                prefix + "firstChild.name", "no gate or event '" + existing + "' in this tree"));
                    } else if (parent != null && gates.containsKey(existing) && reaches(existing, parent)) {
                        errors.add(new FieldError(
                                prefix + "firstChild.name",
                                "placing '" + existing + "' below '" + parent + "' would make a cycle"));
                    }
                } else if ("gate".equals(normalise(first.kind()))) {
                    errors.add(new FieldError(
                            prefix + "firstChild.kind",
                            "must be a basic event, house event or existing node; add further gates under the new"
                                    + " gate afterwards"));
                } else {
                    checkNew(first, prefix + "firstChild.", errors, taken, parent);
                }
            }
            case "basic-event" -> {
                checkProbability(form.probability(), prefix + "probability", errors);
                refuse(form.type() != null, prefix + "type", "applies to gates only", errors);
            }
            default ->
                refuse(form.probability() != null, prefix + "probability", "applies to basic events only", errors);
        }
    }

    private void checkExisting(String name, String parent, String prefix, List<FieldError> errors) {
        if (!checkName(name, prefix + "name", errors)) {
            return;
        }
        if (kindOf(name) == null) {
            errors.add(new FieldError(prefix + "name", "no gate or event '" + name + "' in this tree"));
        } else if (gates.get(parent).formula().args().contains(new EventRef(name))) {
            errors.add(new FieldError(prefix + "name", "'" + name + "' is already an input of '" + parent + "'"));
        } else if (gates.containsKey(name) && reaches(name, parent)) {
            errors.add(new FieldError(
                    prefix + "name",
                    "placing '" + name + "' under '" + parent + "' would make a cycle ('" + parent + "' is "
                            + (name.equals(parent) ? "the same gate" : "below it") + ")"));
        }
    }

    /** Defines the checked new node (and its first input); returns its name. */
    private String addNew(FaultTreeNodeForm form) {
        String name = trim(form.name());
        String label = blankToNull(form.description());
        switch (normalise(form.kind())) {
            case "gate" -> {
                FaultTreeNodeForm first = form.firstChild();
                String child = "existing".equals(normalise(first.kind())) ? trim(first.name()) : addNew(first);
                Connective c = connective(form.type(), "type", new ArrayList<>());
                int k = c == Connective.ATLEAST ? form.k() : 0;
                gates.put(name, new Gate(name, new Formula(c, k, 0, List.of(new EventRef(child))), label));
            }
            case "basic-event" ->
                basicEvents.put(
                        name,
                        new BasicEvent(name, form.probability() == null ? Double.NaN : form.probability(), label));
            default -> houseEvents.put(name, new HouseEvent(name, Boolean.TRUE.equals(form.state()), label));
        }
        return name;
    }

    private static boolean checkName(String name, String field, List<FieldError> errors) {
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        if (name.length() > MAX_NAME) {
            errors.add(new FieldError(field, "at most " + MAX_NAME + " characters"));
            return false;
        }
        if (!NAME.matcher(name).matches()) {
            errors.add(new FieldError(field, "letters, digits, '_', '.' and '-' only (no spaces)"));
            return false;
        }
        return true;
    }

    private static void checkProbability(Double p, String field, List<FieldError> errors) {
        if (p != null && !(p >= 0 && p <= 1)) {
            errors.add(new FieldError(field, "must be between 0 and 1, got " + p));
        }
    }

    private static Connective connective(String type, String field, List<FieldError> errors) {
        String t = normalise(type);
        if (t == null || !GATE_TYPES.contains(t)) {
            errors.add(new FieldError(
                    field,
                    (t == null ? "is required" : "'" + type + "' is not a gate type") + ": and, or, atleast, not"));
            return null;
        }
        return Connective.fromMef(t);
    }

    /** How people read a gate's type: {@code and}, {@code or}, {@code atleast 2/3}, {@code not}. */
    static String typeName(Formula f) {
        return switch (f.connective()) {
            case ATLEAST -> "atleast " + f.min() + "/" + f.args().size();
            case CARDINALITY -> "cardinality " + f.min() + ".." + f.max();
            default -> f.connective().mefName();
        };
    }

    private static void refuse(boolean condition, String field, String message, List<FieldError> errors) {
        if (condition) {
            errors.add(new FieldError(field, message));
        }
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String normalise(String s) {
        return s == null || s.isBlank()
                ? null
                : s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
