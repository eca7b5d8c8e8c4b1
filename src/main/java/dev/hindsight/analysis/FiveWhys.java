package dev.hindsight.analysis;

import dev.hindsight.incident.IncidentId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A problem statement of an incident and its tree of "why?" answers (several answers may explain the same thing).
 *
 * @param nodes every answer in the tree, parents before their children, never null
 */
public record FiveWhys(
        long id, IncidentId incidentId, String problem, List<WhyNode> nodes, OffsetDateTime createdAt, int version) {

    /** The answers directly below {@code parentId} (null: the direct answers to the problem), in the order added. */
    public List<WhyNode> children(Long parentId) {
        return nodes.stream()
                .filter(n -> Objects.equals(n.parentId(), parentId))
                .toList();
    }

    /** Every path from the problem statement down to an answer with nothing below it, top to bottom. */
    public List<List<WhyNode>> chains() {
        List<List<WhyNode>> chains = new ArrayList<>();
        for (WhyNode root : children(null)) {
            collect(root, new ArrayList<>(), chains);
        }
        return chains;
    }

    private void collect(WhyNode node, List<WhyNode> path, List<List<WhyNode>> chains) {
        path.add(node);
        List<WhyNode> below = children(node.id());
        if (below.isEmpty()) {
            chains.add(List.copyOf(path));
        } else {
            for (WhyNode child : below) {
                collect(child, path, chains);
            }
        }
        path.remove(path.size() - 1);
    }
}
