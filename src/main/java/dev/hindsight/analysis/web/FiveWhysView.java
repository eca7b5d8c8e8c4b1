package dev.hindsight.analysis.web;

import dev.hindsight.analysis.FiveWhys;
import dev.hindsight.analysis.WhyNode;
import java.time.OffsetDateTime;
import java.util.List;

/** A problem statement and its tree of answers, nested, as the JSON API shows it. */
record FiveWhysView(long id, String problem, OffsetDateTime createdAt, int version, List<WhyView> whys) {

    /** One answer with the answers below it; {@code factor} is null when the answer is not marked. */
    record WhyView(
            long id,
            Long parentId,
            String text,
            int depth,
            List<String> references,
            int version,
            FactorView factor,
            List<WhyView> whys) {

        static WhyView of(FiveWhys tree, WhyNode n) {
            return new WhyView(
                    n.id(),
                    n.parentId(),
                    n.text(),
                    n.depth(),
                    n.references(),
                    n.version(),
                    n.factor() == null ? null : FactorView.of(n.factor()),
                    tree.children(n.id()).stream().map(c -> of(tree, c)).toList());
        }
    }

    static FiveWhysView of(FiveWhys tree) {
        return new FiveWhysView(
                tree.id(),
                tree.problem(),
                tree.createdAt(),
                tree.version(),
                tree.children(null).stream().map(n -> WhyView.of(tree, n)).toList());
    }
}
