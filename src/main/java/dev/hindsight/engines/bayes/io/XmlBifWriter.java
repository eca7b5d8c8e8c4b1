package dev.hindsight.engines.bayes.io;

import dev.hindsight.engines.bayes.BayesianNetwork;
import dev.hindsight.engines.bayes.ConditionalProbabilityTable;
import dev.hindsight.engines.bayes.Variable;

/** Writes networks as XMLBIF 0.3 in the order {@link XmlBifReader} reads, with XML special characters escaped. */
public final class XmlBifWriter {

    private XmlBifWriter() {}

    /** The network as an XMLBIF 0.3 document, never null. */
    public static String write(BayesianNetwork network) {
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<BIF VERSION=\"0.3\">\n<NETWORK>\n");
        out.append("<NAME>").append(escape(network.name())).append("</NAME>\n");
        for (Variable v : network.variables()) {
            out.append("<VARIABLE TYPE=\"nature\">\n");
            out.append("  <NAME>").append(escape(v.name())).append("</NAME>\n");
            for (String state : v.states()) {
                out.append("  <OUTCOME>").append(escape(state)).append("</OUTCOME>\n");
            }
            out.append("</VARIABLE>\n");
        }
        for (Variable v : network.variables()) {
            ConditionalProbabilityTable table = network.table(v.name());
            out.append("<DEFINITION>\n");
            out.append("  <FOR>").append(escape(v.name())).append("</FOR>\n");
            for (Variable parent : table.parents()) {
                out.append("  <GIVEN>").append(escape(parent.name())).append("</GIVEN>\n");
            }
            out.append("  <TABLE>");
            double[] values = table.values();
            for (int i = 0; i < values.length; i++) {
                out.append(i == 0 ? "" : " ").append(Double.toString(values[i]));
            }
            out.append("</TABLE>\n</DEFINITION>\n");
        }
        out.append("</NETWORK>\n</BIF>\n");
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
