package dev.hindsight.cli;

import dev.hindsight.engines.bayes.BayesianNetwork;
import dev.hindsight.engines.bayes.Distribution;
import dev.hindsight.engines.bayes.Evidence;
import dev.hindsight.engines.bayes.Explanation;
import dev.hindsight.engines.bayes.ImpossibleEvidenceException;
import dev.hindsight.engines.bayes.Variable;
import dev.hindsight.engines.bayes.VariableElimination;
import dev.hindsight.engines.bayes.io.NetworkFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code bn}: posterior distributions and the most probable explanation of a BIF or XMLBIF network. */
public final class BnCommand implements CliCommand {

    private static final String USAGE = """
            Usage: ./hindsight bn <file.bif|file.xml> [--query Var ...] [--evidence Var=state ...] [--mpe] [--json]
              --query Var ...         variables whose posterior to print (default: all)
              --evidence Var=state    hard evidence; Var=[w1,w2,...] gives a likelihood vector (soft evidence)
              --mpe                   also print the most probable explanation of the unobserved variables
              --json                  print JSON instead of text""";

    @Override
    public String name() {
        return "bn";
    }

    @Override
    public String summary() {
        return "Bayesian network posteriors and MPE for a BIF/XMLBIF file";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        String file = null;
        List<String> queries = new ArrayList<>();
        List<String> evidenceArgs = new ArrayList<>();
        boolean mpe = false;
        boolean json = false;
        List<String> target = null;
        for (String arg : args) {
            switch (arg) {
                case "--query" -> target = queries;
                case "--evidence" -> target = evidenceArgs;
                case "--mpe" -> {
                    mpe = true;
                    target = null;
                }
                case "--json" -> {
                    json = true;
                    target = null;
                }
                default -> {
                    if (arg.startsWith("--query=")) {
                        addAll(queries, arg.substring("--query=".length()));
                    } else if (arg.startsWith("--evidence=")) {
                        evidenceArgs.add(arg.substring("--evidence=".length()));
                    } else if (arg.startsWith("-")) {
                        return usage(err, "unknown option '" + arg + "'");
                    } else if (target == queries) {
                        addAll(queries, arg);
                    } else if (target == evidenceArgs) {
                        evidenceArgs.add(arg);
                    } else if (file == null) {
                        file = arg;
                    } else {
                        return usage(err, "unexpected argument '" + arg + "' (one network file only)");
                    }
                }
            }
        }
        if (file == null) {
            return usage(err, "give the network file (BIF or XMLBIF)");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            return usage(err, "no such file: " + file);
        }
        BayesianNetwork network;
        try {
            network = NetworkFiles.read(path);
        } catch (IOException e) {
            err.println("error: cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + file + ": " + e.getMessage());
            return 1;
        }
        Evidence evidence;
        try {
            evidence = parseEvidence(network, evidenceArgs);
            for (String query : queries) {
                network.variable(query);
            }
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (queries.isEmpty()) {
            network.variables().forEach(v -> queries.add(v.name()));
        }
        VariableElimination inference = new VariableElimination(network);
        Map<String, Distribution> posteriors;
        Explanation explanation = null;
        double probabilityOfEvidence;
        try {
            posteriors = inference.marginals(List.copyOf(queries), evidence);
            probabilityOfEvidence = inference.probabilityOfEvidence(evidence);
            if (mpe) {
                explanation = inference.mostProbableExplanation(evidence);
            }
        } catch (ImpossibleEvidenceException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (json) {
            printJson(out, network, evidence, probabilityOfEvidence, posteriors, explanation);
        } else {
            printText(out, file, network, evidence, probabilityOfEvidence, posteriors, explanation);
        }
        return 0;
    }

    private static void addAll(List<String> target, String arg) {
        for (String part : arg.split(",")) {
            if (!part.isBlank()) {
                target.add(part.trim());
            }
        }
    }

    private static Evidence parseEvidence(BayesianNetwork network, List<String> args) {
        Evidence evidence = Evidence.none();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0 || eq == arg.length() - 1) {
                throw new IllegalArgumentException("evidence '" + arg + "' must look like Var=state");
            }
            String name = arg.substring(0, eq);
            String value = arg.substring(eq + 1);
            Variable variable = network.variable(name);
            if (evidence.covers(name)) {
                throw new IllegalArgumentException("evidence for '" + name + "' is given twice");
            }
            if (value.startsWith("[") && value.endsWith("]")) {
                String[] parts = value.substring(1, value.length() - 1).split(",");
                if (parts.length != variable.cardinality()) {
                    throw new IllegalArgumentException("likelihood of '" + name + "' needs " + variable.cardinality()
                            + " weights, one per state: " + String.join(", ", variable.states()));
                }
                double[] weights = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        weights[i] = Double.parseDouble(parts[i].trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("likelihood weight '" + parts[i] + "' is not a number");
                    }
                }
                evidence = evidence.andLikelihood(name, weights);
            } else {
                variable.indexOf(value);
                evidence = evidence.and(name, value);
            }
        }
        return evidence;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("bn: " + problem);
        err.println(USAGE);
        return 2;
    }

    private static void printText(
            PrintStream out,
            String file,
            BayesianNetwork network,
            Evidence evidence,
            double probabilityOfEvidence,
            Map<String, Distribution> posteriors,
            Explanation explanation) {
        out.printf(Locale.ROOT, "%s: %d variables; evidence: %s%n", file, network.size(), evidence);
        if (!evidence.isEmpty()) {
            out.printf(Locale.ROOT, "P(evidence) = %.6g%n", probabilityOfEvidence);
        }
        for (Distribution d : posteriors.values()) {
            out.println(d.variable());
            int width = d.states().stream().mapToInt(String::length).max().orElse(1);
            for (int i = 0; i < d.states().size(); i++) {
                out.printf(
                        Locale.ROOT,
                        "  %-" + width + "s  %.6f%n",
                        d.states().get(i),
                        d.probabilities().get(i));
            }
        }
        if (explanation != null) {
            out.printf(
                    Locale.ROOT,
                    "Most probable explanation (P(x, e) = %.6g, P(x | e) = %.6g):%n",
                    explanation.jointProbability(),
                    explanation.posteriorProbability());
            explanation.assignment().forEach((k, v) -> out.println("  " + k + " = " + v));
        }
    }

    private static void printJson(
            PrintStream out,
            BayesianNetwork network,
            Evidence evidence,
            double probabilityOfEvidence,
            Map<String, Distribution> posteriors,
            Explanation explanation) {
        StringBuilder json = new StringBuilder("{");
        json.append("\"network\":").append(quote(network.name())).append(',');
        json.append("\"variables\":").append(network.size()).append(',');
        json.append("\"evidence\":{");
        List<String> parts = new ArrayList<>();
        evidence.hard().forEach((k, v) -> parts.add(quote(k) + ":" + quote(v)));
        evidence.likelihoods().forEach((k, v) -> parts.add(quote(k) + ":" + v));
        json.append(String.join(",", parts)).append("},");
        json.append("\"probabilityOfEvidence\":").append(probabilityOfEvidence).append(',');
        json.append("\"posteriors\":{");
        List<String> distributions = new ArrayList<>();
        for (Distribution d : posteriors.values()) {
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < d.states().size(); i++) {
                entries.add(quote(d.states().get(i)) + ":" + d.probabilities().get(i));
            }
            distributions.add(quote(d.variable()) + ":{" + String.join(",", entries) + "}");
        }
        json.append(String.join(",", distributions)).append('}');
        if (explanation != null) {
            List<String> assignment = new ArrayList<>();
            explanation.assignment().forEach((k, v) -> assignment.add(quote(k) + ":" + quote(v)));
            json.append(",\"mpe\":{\"assignment\":{")
                    .append(String.join(",", assignment))
                    .append("},\"jointProbability\":")
                    .append(explanation.jointProbability())
                    .append(",\"posteriorProbability\":")
                    .append(explanation.posteriorProbability())
                    .append('}');
        }
        out.println(json.append('}'));
    }

    private static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
