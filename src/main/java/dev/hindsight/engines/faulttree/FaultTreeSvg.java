package dev.hindsight.engines.faulttree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a fault tree as a standalone SVG document, top gate at the top. Each node is drawn once, even when it is shared
 * by several gates, on the layer of its longest path from the top. Gates are labelled boxes carrying the standard AND
 * (flat base, round top) or OR (curved shield) symbol, or a text symbol for the other connectives; basic events are
 * circles, house events are house-shaped pentagons. Meant for trees of up to a few hundred nodes. Stateless and
 * thread-safe.
 */
public final class FaultTreeSvg {

    private static final int NODE_W = 120;
    private static final int GAP_X = 20;
    private static final int LAYER_H = 110;
    private static final int MARGIN = 20;

    /** The SVG document for {@code tree}; never null. */
    public String render(FaultTree tree) {
        Map<String, Integer> layer = new LinkedHashMap<>();
        assignLayers(tree, tree.top(), 0, layer);
        int depth = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i <= depth; i++) {
            rows.add(new ArrayList<>());
        }
        layer.forEach((node, l) -> rows.get(l).add(node));
        int widest = rows.stream().mapToInt(List::size).max().orElse(1);
        int width = 2 * MARGIN + widest * NODE_W + (widest - 1) * GAP_X;
        int height = 2 * MARGIN + (depth + 1) * LAYER_H;
        Map<String, int[]> pos = new HashMap<>();
        for (int l = 0; l <= depth; l++) {
            List<String> row = rows.get(l);
            int rowWidth = row.size() * NODE_W + (row.size() - 1) * GAP_X;
            int x0 = (width - rowWidth) / 2;
            for (int i = 0; i < row.size(); i++) {
                pos.put(row.get(i), new int[] {x0 + i * (NODE_W + GAP_X) + NODE_W / 2, MARGIN + l * LAYER_H});
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"11\">\n",
                width,
                height,
                width,
                height));
        sb.append("<title>").append(MefExporter.escape(tree.name())).append("</title>\n");
        sb.append("<g stroke=\"#333\" fill=\"none\">\n");
        for (Gate g : tree.gates().values()) {
            int[] from = pos.get(g.name());
            if (from == null) {
                continue;
            }
            for (String child : new java.util.LinkedHashSet<>(FaultTree.references(g.formula()))) {
                int[] to = pos.get(child);
                int y1 = from[1] + 78;
                int ymid = (y1 + to[1]) / 2;
                sb.append(String.format(
                        Locale.ROOT, "<path d=\"M%d %d V%d H%d V%d\"/>\n", from[0], y1, ymid, to[0], to[1]));
            }
        }
        sb.append("</g>\n");
        for (String node : layer.keySet()) {
            int[] p = pos.get(node);
            Gate g = tree.gates().get(node);
            if (g != null) {
                gate(sb, g, p[0], p[1]);
            } else if (tree.houseEvents().containsKey(node)) {
                house(sb, tree.houseEvents().get(node), p[0], p[1]);
            } else {
                basic(sb, tree.basicEvents().get(node), p[0], p[1]);
            }
        }
        return sb.append("</svg>\n").toString();
    }

    private static void assignLayers(FaultTree tree, String top, int unused, Map<String, Integer> layer) {
        List<String> postOrder = new ArrayList<>();
        postOrder(tree, top, new java.util.HashSet<>(), postOrder);
        java.util.Collections.reverse(postOrder);
        for (String node : postOrder) {
            layer.put(node, 0);
        }
        for (String node : postOrder) {
            Gate g = tree.gates().get(node);
            if (g != null) {
                int d = layer.get(node) + 1;
                for (String child : FaultTree.references(g.formula())) {
                    layer.merge(child, d, Math::max);
                }
            }
        }
    }

    private static void postOrder(FaultTree tree, String node, java.util.Set<String> seen, List<String> out) {
        if (!seen.add(node)) {
            return;
        }
        Gate g = tree.gates().get(node);
        if (g != null) {
            for (String child : FaultTree.references(g.formula())) {
                postOrder(tree, child, seen, out);
            }
        }
        out.add(node);
    }

    private static void text(StringBuilder sb, int x, int y, String s) {
        sb.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                x,
                y,
                MefExporter.escape(s)));
    }

    private static String shorten(String s) {
        return s.length() <= 18 ? s : s.substring(0, 17) + "…";
    }

    private static void gate(StringBuilder sb, Gate g, int cx, int y) {
        sb.append("<g class=\"gate\" data-name=\"")
                .append(MefExporter.escape(g.name()))
                .append("\">\n");
        sb.append("<title>")
                .append(MefExporter.escape(g.name() + (g.label() != null ? ": " + g.label() : "")))
                .append("</title>\n");
        sb.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"36\" fill=\"#eef3fb\" stroke=\"#333\"/>\n",
                cx - NODE_W / 2,
                y,
                NODE_W));
        text(sb, cx, y + 15, shorten(g.name()));
        if (g.label() != null) {
            text(sb, cx, y + 29, shorten(g.label()));
        }
        int top = y + 44;
        Formula f = g.formula();
        switch (f.connective()) {
            case AND ->
                sb.append(String.format(
                        Locale.ROOT,
                        "<path d=\"M%d %d V%d A16 16 0 0 1 %d %d V%d Z\" fill=\"#fff\" stroke=\"#333\"/>\n",
                        cx - 16,
                        top + 34,
                        top + 16,
                        cx + 16,
                        top + 16,
                        top + 34));
            case OR ->
                sb.append(String.format(
                        Locale.ROOT,
                        "<path d=\"M%d %d Q%d %d %d %d Q%d %d %d %d Q%d %d %d %d Z\" fill=\"#fff\" stroke=\"#333\"/>\n",
                        cx - 16,
                        top + 34,
                        cx - 16,
                        top + 6,
                        cx,
                        top,
                        cx + 16,
                        top + 6,
                        cx + 16,
                        top + 34,
                        cx,
                        top + 24,
                        cx - 16,
                        top + 34));
            default -> {
                sb.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"44\" height=\"30\" rx=\"8\" fill=\"#fff\" stroke=\"#333\"/>\n",
                        cx - 22,
                        top + 2));
                text(sb, cx, top + 21, symbol(f));
            }
        }
        sb.append("</g>\n");
    }

    private static String symbol(Formula f) {
        return switch (f.connective()) {
            case ATLEAST -> f.min() + "/" + f.args().size();
            case CARDINALITY -> f.min() + ".." + f.max();
            case NULL -> "=";
            default -> f.connective().mefName().toUpperCase(Locale.ROOT);
        };
    }

    private static void basic(StringBuilder sb, BasicEvent e, int cx, int y) {
        sb.append("<g class=\"basic-event\" data-name=\"")
                .append(MefExporter.escape(e.name()))
                .append("\">\n");
        sb.append("<title>")
                .append(MefExporter.escape(
                        e.name() + " p=" + e.probability() + (e.label() != null ? ": " + e.label() : "")))
                .append("</title>\n");
        sb.append(String.format(
                Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"22\" fill=\"#fdf1e7\" stroke=\"#333\"/>\n", cx, y + 22));
        text(sb, cx, y + 60, shorten(e.name()));
        text(sb, cx, y + 74, String.format(Locale.ROOT, "p=%.3g", e.probability()));
        sb.append("</g>\n");
    }

    private static void house(StringBuilder sb, HouseEvent e, int cx, int y) {
        sb.append("<g class=\"house-event\" data-name=\"")
                .append(MefExporter.escape(e.name()))
                .append("\">\n");
        sb.append("<title>")
                .append(MefExporter.escape(e.name() + " = " + e.state()))
                .append("</title>\n");
        sb.append(String.format(
                Locale.ROOT,
                "<path d=\"M%d %d L%d %d L%d %d V%d H%d Z\" fill=\"#eefbea\" stroke=\"#333\"/>\n",
                cx - 20,
                y + 14,
                cx,
                y,
                cx + 20,
                y + 14,
                y + 44,
                cx - 20));
        text(sb, cx, y + 60, shorten(e.name()));
        text(sb, cx, y + 74, e.state() ? "true" : "false");
        sb.append("</g>\n");
    }
}
