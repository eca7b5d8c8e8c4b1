package dev.hindsight.faulttrees;

import java.util.List;

/**
 * One gate or event of a stored fault tree, as shown in the editor and the API.
 *
 * @param kind {@code gate}, {@code basic-event} or {@code house-event}
 * @param type for a gate: {@code and}, {@code or}, {@code atleast}, {@code not} (or another MEF connective of an
 *     imported model); otherwise null
 * @param k for an atleast gate, how many inputs must fail; otherwise null
 * @param description free text, may be null
 * @param probability for a basic event, null when unknown or not a basic event
 * @param state for a house event, otherwise null
 * @param children the names of a gate's inputs in order (empty for events), never null
 * @param parents how many gates use this node (more than one: a shared subtree)
 * @param factorId the contributing factor a basic event was promoted to, or null
 * @param factorKind that factor's kind ({@code root cause}, {@code contributing factor}), or null
 */
public record FaultTreeNode(
        String name,
        String kind,
        String type,
        Integer k,
        String description,
        Double probability,
        Boolean state,
        List<String> children,
        int parents,
        Long factorId,
        String factorKind) {

    /** Copies the list. */
    public FaultTreeNode {
        children = List.copyOf(children);
    }

    /** True for a gate. */
    public boolean gate() {
        return "gate".equals(kind);
    }

    /** True for a basic event. */
    public boolean basicEvent() {
        return "basic-event".equals(kind);
    }

    /** How people read the gate type: {@code atleast 2/3}; for events, their kind with a space. */
    public String typeLabel() {
        if (!gate()) {
            return kind.replace('-', ' ');
        }
        return "atleast".equals(type) ? "atleast " + k + "/" + children.size() : type;
    }
}
