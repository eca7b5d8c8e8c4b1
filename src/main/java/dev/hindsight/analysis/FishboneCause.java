package dev.hindsight.analysis;

import java.util.List;

/**
 * A cause on a fishbone category, or a sub-cause of one (then {@code parentId} is the cause). Two levels only: a
 * sub-cause has no sub-causes.
 *
 * @param factor the root cause or contributing factor this cause was promoted to, or null
 * @param subCauses in the order added; always empty for a sub-cause
 * @param version increases by one on every rewording
 */
public record FishboneCause(
        long id,
        long categoryId,
        Long parentId,
        String text,
        int version,
        ContributingFactor factor,
        List<FishboneCause> subCauses) {

    public boolean isPromoted() {
        return factor != null;
    }
}
