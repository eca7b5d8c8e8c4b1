package dev.hindsight.engines.faulttree;

/**
 * Writes a {@link FaultTree} as Open-PSA MEF XML that {@link MefImporter} reads back to an equal tree: one
 * {@code define-fault-tree} with the gates (top gate first) and a {@code model-data} section with the basic events (as
 * {@code float} probabilities; an unknown NaN probability is written without an expression) and house events.
 * Instances are stateless and thread-safe.
 */
public final class MefExporter {

    /** The MEF document for {@code tree}; never null. */
    public String write(FaultTree tree) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opsa-mef>\n");
        sb.append("  <define-fault-tree name=\"").append(escape(tree.name())).append("\">\n");
        writeGate(sb, tree, tree.gates().get(tree.top()));
        for (Gate g : tree.gates().values()) {
            if (!g.name().equals(tree.top())) {
                writeGate(sb, tree, g);
            }
        }
        sb.append("  </define-fault-tree>\n  <model-data>\n");
        for (BasicEvent e : tree.basicEvents().values()) {
            sb.append("    <define-basic-event name=\"")
                    .append(escape(e.name()))
                    .append("\">\n");
            label(sb, e.label(), "      ");
            if (!Double.isNaN(e.probability())) {
                sb.append("      <float value=\"").append(e.probability()).append("\"/>\n");
            }
            sb.append("    </define-basic-event>\n");
        }
        for (HouseEvent e : tree.houseEvents().values()) {
            sb.append("    <define-house-event name=\"")
                    .append(escape(e.name()))
                    .append("\">\n");
            label(sb, e.label(), "      ");
            sb.append("      <constant value=\"").append(e.state()).append("\"/>\n");
            sb.append("    </define-house-event>\n");
        }
        return sb.append("  </model-data>\n</opsa-mef>\n").toString();
    }

    private static void writeGate(StringBuilder sb, FaultTree tree, Gate g) {
        sb.append("    <define-gate name=\"").append(escape(g.name())).append("\">\n");
        label(sb, g.label(), "      ");
        argument(sb, tree, g.formula(), "      ");
        sb.append("    </define-gate>\n");
    }

    private static void label(StringBuilder sb, String label, String indent) {
        if (label != null) {
            sb.append(indent).append("<label>").append(escape(label)).append("</label>\n");
        }
    }

    private static void argument(StringBuilder sb, FaultTree tree, Argument a, String indent) {
        switch (a) {
            case EventRef r -> {
                String kind = tree.gates().containsKey(r.name())
                        ? "gate"
                        : tree.houseEvents().containsKey(r.name()) ? "house-event" : "basic-event";
                sb.append(indent)
                        .append('<')
                        .append(kind)
                        .append(" name=\"")
                        .append(escape(r.name()))
                        .append("\"/>\n");
            }
            case Formula f -> {
                if (f.connective() == Connective.NULL) {
                    argument(sb, tree, f.args().get(0), indent);
                    return;
                }
                String name = f.connective().mefName();
                sb.append(indent).append('<').append(name);
                if (f.connective() == Connective.ATLEAST || f.connective() == Connective.CARDINALITY) {
                    sb.append(" min=\"").append(f.min()).append('"');
                }
                if (f.connective() == Connective.CARDINALITY) {
                    sb.append(" max=\"").append(f.max()).append('"');
                }
                sb.append(">\n");
                for (Argument child : f.args()) {
                    argument(sb, tree, child, indent + "  ");
                }
                sb.append(indent).append("</").append(name).append(">\n");
            }
        }
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
