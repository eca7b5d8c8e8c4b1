package dev.hindsight.faulttrees;

/**
 * A node to add under a gate, as entered, unchecked: {@link FaultTrees} validates it.
 *
 * @param kind {@code gate}, {@code basic-event}, {@code house-event}, or {@code existing} to place an existing gate or
 *     event under one more gate (a shared subtree)
 * @param name the new node's unique name (letters, digits, {@code _ . -}), or the existing node's name
 * @param description free text for people, may be null
 * @param type for a gate: {@code and}, {@code or}, {@code atleast} or {@code not}
 * @param k for an {@code atleast} gate: how many inputs must fail, 1 to the number of inputs
 * @param probability for a basic event: in [0, 1]; null when unknown
 * @param state for a house event: true or false (null means false)
 * @param firstChild for a gate: its first input (a gate always has at least one); a basic event, house event or
 *     existing node
 */
public record FaultTreeNodeForm(
        String kind,
        String name,
        String description,
        String type,
        Integer k,
        Double probability,
        Boolean state,
        FaultTreeNodeForm firstChild) {

    /** A new basic event. */
    public static FaultTreeNodeForm basicEvent(String name, Double probability) {
        return new FaultTreeNodeForm("basic-event", name, null, null, null, probability, null, null);
    }

    /** A new house event. */
    public static FaultTreeNodeForm houseEvent(String name, boolean state) {
        return new FaultTreeNodeForm("house-event", name, null, null, null, null, state, null);
    }

    /** A new gate with its first input. */
    public static FaultTreeNodeForm gate(String name, String type, Integer k, FaultTreeNodeForm firstChild) {
        return new FaultTreeNodeForm("gate", name, null, type, k, null, null, firstChild);
    }

    /** An existing gate or event, placed under one more gate. */
    public static FaultTreeNodeForm existing(String name) {
        return new FaultTreeNodeForm("existing", name, null, null, null, null, null, null);
    }
}
