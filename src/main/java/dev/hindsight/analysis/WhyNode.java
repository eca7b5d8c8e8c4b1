package dev.hindsight.analysis;

import java.util.List;

/**
 * One answer to "why?" in a Five Whys tree.
 *
 * @param parentId the answer this one explains further, or null when it answers the problem statement directly
 * @param depth 1 for a direct answer to the problem statement, one more for each level below
 * @param references timeline entries or evidence this answer rests on (URLs or free text), never null
 * @param factor the factor this answer is marked as, or null when unmarked
 */
public record WhyNode(
        long id,
        long fiveWhysId,
        Long parentId,
        String text,
        int depth,
        List<String> references,
        int version,
        ContributingFactor factor) {

    public boolean marked() {
        return factor != null;
    }
}
