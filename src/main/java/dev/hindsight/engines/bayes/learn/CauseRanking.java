package dev.hindsight.engines.bayes.learn;

import java.util.List;

/**
 * The causes of a new incident ranked by {@link CauseModel#rank}.
 *
 * @param causes every known cause, highest posterior first (ties: higher lift, then name), never null
 * @param usedSymptoms the observed symptoms seen in past cases, which entered the computation, sorted, never null
 * @param unknownSymptoms the observed symptoms never seen in past cases, ignored, sorted, never null
 */
public record CauseRanking(List<RankedCause> causes, List<String> usedSymptoms, List<String> unknownSymptoms) {

    /** Copies the lists. */
    public CauseRanking {
        causes = List.copyOf(causes);
        usedSymptoms = List.copyOf(usedSymptoms);
        unknownSymptoms = List.copyOf(unknownSymptoms);
    }
}
