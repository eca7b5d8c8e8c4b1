package dev.hindsight.engines.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.engines.bayes.io.NetworkFiles;
import dev.hindsight.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reference query of {@code bayesnets/queries.csv} is reproduced within its tolerance. */
class QueriesCsvTests {

    private static final String QUERIES = "bayesnets/queries.csv";
    private static final Pattern SCALAR = Pattern.compile("P\\(\\s*([^=|\\s]+)\\s*=\\s*([^|)\\s]+)\\s*(\\|.*)?\\)");

    static Stream<Arguments> rows() throws IOException {
        Path file = SharedData.root().resolve(QUERIES);
        if (!Files.exists(file)) {
            return Stream.of(Arguments.of("shared data absent", Map.of()));
        }
        List<String> lines = Files.readAllLines(file);
        List<String> header = parseCsvLine(lines.get(0));
        List<Arguments> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = parseCsvLine(lines.get(i));
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), c < cells.size() ? cells.get(c) : "");
            }
            String label = "row " + i + ": " + row.get("network") + " " + row.get("quantity") + " of "
                    + row.get("query") + " given " + (row.get("evidence").isEmpty() ? "nothing" : row.get("evidence"));
            rows.add(Arguments.of(label, row));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reproducesReferenceQuery(String label, Map<String, String> row) throws IOException {
        SharedData.require(QUERIES);
        BayesianNetwork network = NetworkFiles.read(SharedData.require("bayesnets/" + row.get("file")));
        VariableElimination inference = new VariableElimination(network);
        Evidence evidence = parseEvidence(row.get("evidence"));
        double tolerance = Double.parseDouble(row.get("abs_tol"));
        String quantity = row.get("quantity").trim();
        String expected = row.get("expected");
        List<String> query =
                Arrays.stream(row.get("query").split(",")).map(String::trim).toList();
        Matcher scalar = SCALAR.matcher(quantity);
        if (quantity.equals("posterior marginal")) {
            Distribution actual = inference.marginal(query.get(0), evidence);
            for (String part : expected.split(";")) {
                int eq = part.lastIndexOf('=');
                assertThat(actual.probability(part.substring(0, eq).trim()))
                        .as(label + " state " + part)
                        .isCloseTo(Double.parseDouble(part.substring(eq + 1)), within(tolerance));
            }
        } else if (quantity.equals("joint")) {
            JointDistribution actual = inference.joint(query, evidence);
            int checked = 0;
            for (String part : expected.split(";")) {
                int eq = part.lastIndexOf('=');
                Map<String, String> states = new LinkedHashMap<>();
                for (String pair : part.substring(0, eq).split(",")) {
                    String[] kv = pair.split("=");
                    states.put(kv[0].trim(), kv[1].trim());
                }
                assertThat(actual.probability(states))
                        .as(label + " entry " + part)
                        .isCloseTo(Double.parseDouble(part.substring(eq + 1)), within(tolerance));
                checked++;
            }
            assertThat(checked).isEqualTo(actual.probabilities().size());
        } else if (quantity.startsWith("MPE") || quantity.startsWith("most probable")) {
            Explanation actual = inference.mostProbableExplanation(evidence);
            for (String part : expected.split(";")) {
                String[] kv = part.split("=");
                assertThat(actual.assignment()).as(label).containsEntry(kv[0].trim(), kv[1].trim());
            }
        } else if (scalar.matches()) {
            assertThat(inference.probability(scalar.group(1), scalar.group(2), evidence))
                    .as(label)
                    .isCloseTo(Double.parseDouble(expected), within(tolerance));
        } else {
            throw new AssertionError("unsupported quantity '" + quantity + "' in " + label);
        }
    }

    static Evidence parseEvidence(String text) {
        Evidence evidence = Evidence.none();
        if (text == null || text.isBlank()) {
            return evidence;
        }
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            String variable = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (value.startsWith("[")) {
                double[] weights = Arrays.stream(
                                value.substring(1, value.length() - 1).split(","))
                        .mapToDouble(w -> Double.parseDouble(w.trim()))
                        .toArray();
                evidence = evidence.andLikelihood(variable, weights);
            } else {
                evidence = evidence.and(variable, value);
            }
        }
        return evidence;
    }

    static List<String> parseCsvLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
