package dev.hindsight.engines.faulttree;

import java.util.List;

/**
 * A summary of a fault tree analysis, ready to show: the headline numbers, the most probable minimal cut sets and the
 * most important basic events.
 *
 * @param tree the tree's name, never null
 * @param topGate the top gate's name, never null
 * @param gates the number of gates
 * @param basicEvents the number of basic events
 * @param minimalCutSets the number of minimal cut sets (saturating at Long.MAX_VALUE)
 * @param orderDistribution the number of minimal cut sets of each order (index = order), never null
 * @param topProbability the exact top-event probability (NaN when a probability is unknown)
 * @param rareEvent the rare-event approximation, capped at 1
 * @param minCutUpperBound the min-cut upper bound
 * @param cutSets the most probable minimal cut sets, most probable first, never null
 * @param importance the basic events by decreasing Fussell-Vesely importance, never null
 * @param bddNodes the number of BDD nodes built
 * @param elapsedMillis wall-clock milliseconds spent on the analysis
 */
public record FaultTreeReport(
        String tree,
        String topGate,
        int gates,
        int basicEvents,
        long minimalCutSets,
        List<Long> orderDistribution,
        double topProbability,
        double rareEvent,
        double minCutUpperBound,
        List<CutSet> cutSets,
        List<Importance> importance,
        int bddNodes,
        long elapsedMillis) {

    /** Copies the lists. */
    public FaultTreeReport {
        orderDistribution = List.copyOf(orderDistribution);
        cutSets = List.copyOf(cutSets);
        importance = List.copyOf(importance);
    }
}
