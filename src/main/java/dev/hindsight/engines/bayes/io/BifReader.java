package dev.hindsight.engines.bayes.io;

import dev.hindsight.engines.bayes.BayesianNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the BIF text format as written by pgmpy, bnlearn and JavaBayes: {@code network}, {@code variable} blocks
 * with {@code type discrete [ n ] { s1, s2 };} and {@code probability ( child | p1, p2 )} blocks holding either
 * {@code table} values or rows keyed by parent states ({@code (s1, s2) v1, v2;}) in any order, plus an optional
 * {@code default} row. {@code property} lines and {@code //} and {@code /* *}{@code /} comments are ignored; names may
 * be double-quoted. A {@code table} for a variable with parents is read in JavaBayes order: all values for the
 * child's first state (parent configurations with the last parent varying fastest), then the second state's, and so
 * on.
 */
public final class BifReader {

    private BifReader() {}

    /**
     * Reads a BIF file as UTF-8.
     *
     * @throws IOException when the file cannot be read
     * @throws NetworkFormatException when the syntax is wrong
     * @throws dev.hindsight.engines.bayes.NetworkValidationException when the network is inconsistent
     */
    public static BayesianNetwork read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses BIF text; throws as {@link #read(Path)} does. Never returns null. */
    public static BayesianNetwork parse(String text) {
        return new Parser(tokenize(text)).parse();
    }

    private record Token(String text, boolean quoted, int line) {
        boolean is(String s) {
            return !quoted && text.equals(s);
        }
    }

    private static final String PUNCTUATION = "{}()[];,|";

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new NetworkFormatException("line " + line + ": unterminated comment");
                }
                for (int j = i; j < end; j++) {
                    if (text.charAt(j) == '\n') {
                        line++;
                    }
                }
                i = end + 2;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new NetworkFormatException("line " + line + ": unterminated quoted name");
                }
                tokens.add(new Token(text.substring(i + 1, end), true, line));
                for (int j = i; j < end; j++) {
                    if (text.charAt(j) == '\n') {
                        line++;
                    }
                }
                i = end + 1;
            } else if (PUNCTUATION.indexOf(c) >= 0) {
                tokens.add(new Token(String.valueOf(c), false, line));
                i++;
            } else {
                int start = i;
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isWhitespace(d) || PUNCTUATION.indexOf(d) >= 0 || d == '"') {
                        break;
                    }
                    if (d == '/' && i + 1 < n && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                        break;
                    }
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), false, line));
            }
        }
        return tokens;
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int pos;
        private final BayesianNetwork.Builder builder = BayesianNetwork.builder();
        private final Map<String, Integer> cardinalities = new HashMap<>();
        private final Map<String, List<String>> stateNames = new HashMap<>();
        private final Set<String> defined = new HashSet<>();

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        BayesianNetwork parse() {
            while (pos < tokens.size()) {
                Token keyword = next("'network', 'variable' or 'probability'");
                if (keyword.is("network")) {
                    network();
                } else if (keyword.is("variable")) {
                    variable();
                } else if (keyword.is("probability")) {
                    probability();
                } else {
                    throw error(
                            keyword,
                            "expected 'network', 'variable' or 'probability' but found '" + keyword.text() + "'");
                }
            }
            return builder.build();
        }

        private void network() {
            if (!peek().is("{")) {
                builder.name(next("network name").text());
            }
            expect("{");
            skipBlock();
        }

        private void skipBlock() {
            int depth = 1;
            while (depth > 0) {
                Token t = next("'}'");
                if (t.is("{")) {
                    depth++;
                } else if (t.is("}")) {
                    depth--;
                }
            }
        }

        private void skipStatement() {
            while (!next("';'").is(";")) {
                // property text is ignored
            }
        }

        private void variable() {
            Token name = name("variable name");
            expect("{");
            boolean typed = false;
            while (!peek().is("}")) {
                Token word = next("'type' or 'property'");
                if (word.is("type")) {
                    Token kind = next("'discrete'");
                    if (!kind.is("discrete")) {
                        throw error(kind, "variable '" + name.text() + "': only discrete variables are supported");
                    }
                    expect("[");
                    Token count = next("the number of states");
                    expect("]");
                    expect("{");
                    List<String> states = new ArrayList<>();
                    while (!peek().is("}")) {
                        if (peek().is(",")) {
                            pos++;
                            continue;
                        }
                        states.add(name("state name").text());
                    }
                    expect("}");
                    expect(";");
                    int declared;
                    try {
                        declared = Integer.parseInt(count.text());
                    } catch (NumberFormatException e) {
                        throw error(count, "expected the number of states but found '" + count.text() + "'");
                    }
                    if (declared != states.size()) {
                        throw error(
                                count,
                                "variable '" + name.text() + "' declares " + declared + " states but lists "
                                        + states.size());
                    }
                    builder.variable(name.text(), states);
                    cardinalities.put(name.text(), states.size());
                    stateNames.put(name.text(), List.copyOf(states));
                    typed = true;
                } else if (word.is("property")) {
                    skipStatement();
                } else {
                    throw error(word, "unexpected '" + word.text() + "' in variable '" + name.text() + "'");
                }
            }
            expect("}");
            if (!typed) {
                throw error(name, "variable '" + name.text() + "' has no type declaration");
            }
        }

        private void probability() {
            expect("(");
            Token child = name("variable name");
            List<String> parents = new ArrayList<>();
            if (peek().is("|")) {
                pos++;
                while (!peek().is(")")) {
                    if (peek().is(",")) {
                        pos++;
                        continue;
                    }
                    parents.add(name("parent name").text());
                }
            } else {
                while (peek().is(",")) {
                    pos++;
                    parents.add(name("parent name").text());
                }
            }
            expect(")");
            expect("{");
            Integer k = cardinalities.get(child.text());
            if (k == null) {
                throw error(child, "probability for undeclared variable '" + child.text() + "'");
            }
            if (!defined.add(child.text())) {
                throw error(child, "the probability of '" + child.text() + "' is given twice");
            }
            int rows = 1;
            for (String parent : parents) {
                Integer pk = cardinalities.get(parent);
                if (pk == null) {
                    throw error(child, "variable '" + child.text() + "' has undeclared parent '" + parent + "'");
                }
                rows *= pk;
            }
            builder.parents(child.text(), parents);
            double[] defaults = null;
            double[] table = null;
            Map<List<String>, double[]> keyed = new HashMap<>();
            while (!peek().is("}")) {
                Token word = next("'table', '(' or 'property'");
                if (word.is("table")) {
                    table = numbers();
                } else if (word.is("default")) {
                    defaults = numbers();
                } else if (word.is("property")) {
                    skipStatement();
                } else if (word.is("(")) {
                    List<String> key = new ArrayList<>();
                    while (!peek().is(")")) {
                        if (peek().is(",")) {
                            pos++;
                            continue;
                        }
                        key.add(name("parent state").text());
                    }
                    expect(")");
                    if (keyed.put(key, numbers()) != null) {
                        throw error(word, "variable '" + child.text() + "' repeats the row " + key);
                    }
                } else {
                    throw error(word, "unexpected '" + word.text() + "' in probability of '" + child.text() + "'");
                }
            }
            expect("}");
            if (table != null && (!keyed.isEmpty() || defaults != null)) {
                throw error(child, "variable '" + child.text() + "' mixes 'table' with keyed rows");
            }
            if (table != null) {
                builder.table(child.text(), parents.isEmpty() ? table : fromJavaBayesOrder(child, table, k, rows));
                return;
            }
            keyed.forEach((key, values) -> builder.row(child.text(), key, values));
            if (defaults != null) {
                fillDefaults(child.text(), parents, keyed, defaults);
            }
        }

        private double[] fromJavaBayesOrder(Token child, double[] table, int k, int rows) {
            if (table.length != k * rows) {
                throw error(
                        child,
                        "variable '" + child.text() + "' has a table of " + table.length + " values but needs "
                                + k * rows);
            }
            double[] values = new double[table.length];
            for (int s = 0; s < k; s++) {
                for (int r = 0; r < rows; r++) {
                    values[r * k + s] = table[s * rows + r];
                }
            }
            return values;
        }

        private void fillDefaults(
                String child, List<String> parents, Map<List<String>, double[]> keyed, double[] defaults) {
            List<List<String>> all = new ArrayList<>();
            all.add(List.of());
            for (String parent : parents) {
                List<List<String>> next = new ArrayList<>();
                for (List<String> prefix : all) {
                    for (String state : stateNames(parent)) {
                        List<String> key = new ArrayList<>(prefix);
                        key.add(state);
                        next.add(key);
                    }
                }
                all = next;
            }
            for (List<String> key : all) {
                if (!keyed.containsKey(key)) {
                    builder.row(child, key, defaults);
                }
            }
        }

        private List<String> stateNames(String variable) {
            return stateNames.get(variable);
        }

        private double[] numbers() {
            List<Double> values = new ArrayList<>();
            while (true) {
                Token t = next("a probability or ';'");
                if (t.is(";")) {
                    break;
                }
                if (t.is(",")) {
                    continue;
                }
                try {
                    values.add(Double.parseDouble(t.text()));
                } catch (NumberFormatException e) {
                    throw error(t, "expected a probability but found '" + t.text() + "'");
                }
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        private Token name(String what) {
            Token t = next(what);
            if (!t.quoted() && PUNCTUATION.contains(t.text())) {
                throw error(t, "expected " + what + " but found '" + t.text() + "'");
            }
            return t;
        }

        private Token peek() {
            if (pos >= tokens.size()) {
                int line = tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).line();
                throw new NetworkFormatException("line " + line + ": unexpected end of file");
            }
            return tokens.get(pos);
        }

        private Token next(String expected) {
            if (pos >= tokens.size()) {
                int line = tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).line();
                throw new NetworkFormatException("line " + line + ": unexpected end of file, expected " + expected);
            }
            return tokens.get(pos++);
        }

        private void expect(String punctuation) {
            Token t = next("'" + punctuation + "'");
            if (!t.is(punctuation)) {
                throw error(t, "expected '" + punctuation + "' but found '" + t.text() + "'");
            }
        }

        private static NetworkFormatException error(Token at, String message) {
            return new NetworkFormatException("line " + at.line() + ": " + message);
        }
    }
}
