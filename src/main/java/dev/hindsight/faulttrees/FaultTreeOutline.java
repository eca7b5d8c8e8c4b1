package dev.hindsight.faulttrees;

import java.util.List;

/**
 * A stored fault tree's nodes, and the tree laid out from its top gate for the editor: a shared node is expanded
 * where it first appears and marked {@code repeated} elsewhere, so the outline grows with the tree, not its paths.
 *
 * @param nodes every gate and event, gates first, never null
 * @param root the top gate's outline item, never null
 */
public record FaultTreeOutline(StoredFaultTree tree, List<FaultTreeNode> nodes, Item root) {

    /** Copies the list. */
    public FaultTreeOutline {
        nodes = List.copyOf(nodes);
    }

    /**
     * One place of a node in the outline.
     *
     * @param parent the gate above this place, null for the top
     * @param repeated true when the node is shown in full (with its actions) at an earlier place
     * @param children the items below, never null (empty when repeated)
     */
    public record Item(FaultTreeNode node, String parent, boolean repeated, List<Item> children) {

        /** Copies the list. */
        public Item {
            children = List.copyOf(children);
        }
    }
}
