package dev.hindsight.engines.bayes.io;

import dev.hindsight.engines.bayes.BayesianNetwork;
import dev.hindsight.engines.bayes.ConditionalProbabilityTable;
import dev.hindsight.engines.bayes.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes networks in the BIF dialect {@link BifReader} reads: {@code table} for roots, one keyed row per parent
 * configuration otherwise, probabilities in shortest round-trip decimal form. Names that are not plain words are
 * double-quoted.
 */
public final class BifWriter {

    private BifWriter() {}

    /** The network as BIF text, never null. */
    public static String write(BayesianNetwork network) {
        StringBuilder out = new StringBuilder();
        out.append("network ")
                .append(network.name().isEmpty() ? "unknown" : quote(network.name()))
                .append(" {\n}\n");
        for (Variable v : network.variables()) {
            List<String> states = v.states().stream().map(BifWriter::quote).toList();
            out.append("variable ").append(quote(v.name())).append(" {\n");
            out.append("  type discrete [ ")
                    .append(v.cardinality())
                    .append(" ] { ")
                    .append(String.join(", ", states))
                    .append(" };\n}\n");
        }
        for (Variable v : network.variables()) {
            ConditionalProbabilityTable table = network.table(v.name());
            List<String> parents =
                    table.parents().stream().map(p -> quote(p.name())).toList();
            out.append("probability ( ").append(quote(v.name()));
            if (!parents.isEmpty()) {
                out.append(" | ").append(String.join(", ", parents));
            }
            out.append(" ) {\n");
            double[] values = table.values();
            int k = v.cardinality();
            for (int row = 0; row < table.rowCount(); row++) {
                List<String> numbers = new ArrayList<>();
                for (int s = 0; s < k; s++) {
                    numbers.add(Double.toString(values[row * k + s]));
                }
                out.append("  ");
                if (parents.isEmpty()) {
                    out.append("table ");
                } else {
                    List<String> key = table.parentStates(row).stream()
                            .map(BifWriter::quote)
                            .toList();
                    out.append("(").append(String.join(", ", key)).append(") ");
                }
                out.append(String.join(", ", numbers)).append(";\n");
            }
            out.append("}\n");
        }
        return out.toString();
    }

    private static String quote(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || "{}()[];,|\"/".indexOf(c) >= 0) {
                if (name.indexOf('"') >= 0) {
                    throw new IllegalArgumentException("BIF cannot represent the name " + name);
                }
                return "\"" + name + "\"";
            }
        }
        return name;
    }
}
