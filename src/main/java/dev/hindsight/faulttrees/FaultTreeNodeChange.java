package dev.hindsight.faulttrees;

/**
 * Changes to one gate or event, as entered, unchecked; a null field keeps the current value.
 *
 * @param name a new unique name
 * @param description new free text; blank clears it
 * @param type for a gate: {@code and}, {@code or}, {@code atleast} or {@code not}
 * @param k for an {@code atleast} gate: 1 to the number of inputs
 * @param probability for a basic event: in [0, 1]
 * @param state for a house event
 */
public record FaultTreeNodeChange(
        String name, String description, String type, Integer k, Double probability, Boolean state) {}
