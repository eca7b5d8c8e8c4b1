package dev.hindsight.analysis;

import java.util.List;

/**
 * One bone of a fishbone diagram: a named group of causes.
 *
 * @param position 0 for the first category, then 1, 2, ...
 * @param causes top-level causes in the order added, each with its sub-causes; never null
 * @param version increases by one on every rename or move
 */
public record FishboneCategory(long id, String name, int position, int version, List<FishboneCause> causes) {}
