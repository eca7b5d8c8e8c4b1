package dev.hindsight.engines.faulttree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the engine against the public fault-tree benchmark data in {@code ../shared/data/faulttrees}: every row of
 * {@code expected.csv} whose status is {@code reported} or {@code asserted in test}, the explicit cut sets and prime
 * implicants of {@code scram_mcs.csv} and the importance factors of {@code importance.csv}. Rows that are not ground
 * truth are reported as skipped with the reason.
 */
class SharedBenchmarkTests {

    private static final String DIR = "faulttrees/";
    private static final Pattern LIMIT = Pattern.compile("limit_order=(\\d+)");
    private static final Pattern PRODUCT = Pattern.compile("p_product\\[(.*)]");

    private static String cachedFiles;
    private static FaultTreeAnalysis cached;

    private static boolean present() {
        return Files.exists(SharedData.root().resolve(DIR + "expected.csv"));
    }

    private static List<Map<String, String>> table(String name) {
        return Csv.read(SharedData.require(DIR + name));
    }

    static synchronized FaultTreeAnalysis analysis(String files) {
        if (!files.equals(cachedFiles)) {
            cached = null;
            List<Path> paths = Arrays.stream(files.split(" \\+ "))
                    .map(f -> SharedData.require(DIR + f.trim()))
                    .toList();
            cached = FaultTreeAnalysis.of(new MefImporter().read(paths));
            cachedFiles = files;
        }
        return cached;
    }

    static Stream<Arguments> expectedRows() {
        if (!present()) {
            return Stream.of(Arguments.of("shared data absent", Map.of()));
        }
        List<Map<String, String>> rows = table("expected.csv");
        rows.stream()
                .filter(r -> !isGroundTruth(r))
                .forEach(r -> System.out.println(
                        "fault trees: not checked (status '" + r.get("status") + "' is not ground truth): "
                                + r.get("tree") + " " + r.get("quantity") + " — " + r.get("note")));
        return rows.stream()
                .filter(SharedBenchmarkTests::isGroundTruth)
                .map(r -> Arguments.of(
                        r.get("tree") + " " + r.get("quantity") + " [" + r.get("approximation") + "] = "
                                + r.get("value") + " (" + r.get("status") + ")",
                        r));
    }

    private static boolean isGroundTruth(Map<String, String> row) {
        return row.get("status").equals("reported") || row.get("status").equals("asserted in test");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedRows")
    void reproducesExpectedValue(String name, Map<String, String> row) {
        SharedData.require(DIR + "expected.csv");
        FaultTreeAnalysis a = analysis(row.get("files"));
        String quantity = row.get("quantity");
        String approximation = row.get("approximation");
        double expected = Double.parseDouble(row.get("value"));
        Matcher limit = LIMIT.matcher(approximation);
        Matcher product = PRODUCT.matcher(quantity);
        switch (quantity) {
            case "n_mcs" -> assertThat(a.minimalCutSetCount()).isEqualTo((long) expected);
            case "n_prime_implicants" -> assertThat(a.primeImplicantCount()).isEqualTo((long) expected);
            case "n_products" -> {
                assertThat(limit.find())
                        .as("n_products rows name a limit_order")
                        .isTrue();
                assertThat(a.minimalCutSetCount(Integer.parseInt(limit.group(1))))
                        .isEqualTo((long) expected);
            }
            case "p_top" -> {
                double tolerance = tolerance(row.get("abs_tol"), expected);
                if (approximation.startsWith("exact and rare-event")) {
                    assertThat(a.topProbability()).isCloseTo(expected, within(tolerance));
                    assertThat(a.rareEvent()).isCloseTo(expected, within(tolerance));
                } else if (approximation.contains("rare-event")) {
                    double actual = limit.find() ? a.rareEvent(Integer.parseInt(limit.group(1))) : a.rareEvent();
                    assertThat(actual).isCloseTo(expected, within(tolerance));
                } else if (approximation.startsWith("MCUB")) {
                    assertThat(a.minCutUpperBound()).isCloseTo(expected, within(tolerance));
                } else if (approximation.startsWith("BDD algorithm, limit_order=")) {
                    assertThat(limit.find()).isTrue();
                    assertThat(a.topProbability()).isCloseTo(expected, within(tolerance));
                } else {
                    assertThat(a.topProbability()).isCloseTo(expected, within(tolerance));
                }
            }
            default -> {
                assertThat(product.matches()).as("unknown quantity " + quantity).isTrue();
                Set<String> events = Set.of(product.group(1).split(" "));
                CutSet match = a.minimalCutSets(10_000).stream()
                        .filter(c -> new HashSet<>(c.events()).equals(events))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no minimal cut set " + events));
                assertThat(match.probability()).isCloseTo(expected, within(tolerance(row.get("abs_tol"), expected)));
            }
        }
    }

    private static double tolerance(String spec, double expected) {
        String s = spec.trim();
        if (s.startsWith("relative")) {
            return 5e-6 * Math.abs(expected);
        }
        if (s.startsWith("Catch Approx")) {
            return 1.2e-5 * Math.max(1, Math.abs(expected));
        }
        if (s.startsWith("0")) {
            return 1e-12 + 1e-12 * Math.abs(expected);
        }
        return Double.parseDouble(s.split(" ")[0]);
    }

    static Stream<Arguments> productGroups() {
        if (!present()) {
            return Stream.of(Arguments.of("shared data absent", "", false, Set.of()));
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Map<String, String> r : table("expected.csv")) {
            files.putIfAbsent(r.get("tree"), r.get("files"));
        }
        Map<String, Set<Set<String>>> groups = new LinkedHashMap<>();
        for (Map<String, String> r : table("scram_mcs.csv")) {
            boolean pi = r.get("kind").startsWith("prime");
            groups.computeIfAbsent(r.get("tree") + "|" + pi, k -> new HashSet<>())
                    .add(literals(r.get("set")));
        }
        List<Arguments> out = new ArrayList<>();
        groups.forEach((key, sets) -> {
            String[] parts = key.split("\\|");
            String file = files.get(parts[0]);
            boolean pi = Boolean.parseBoolean(parts[1]);
            out.add(Arguments.of(parts[0] + (pi ? " prime implicants" : " minimal cut sets"), file, pi, sets));
        });
        return out.stream();
    }

    private static Set<String> literals(String set) {
        if (set.startsWith("(empty set")) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        String[] tokens = set.trim().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].equals("not")) {
                out.add("not " + tokens[++i]);
            } else {
                out.add(tokens[i]);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("productGroups")
    void listsTheExpectedProducts(String name, String files, boolean primeImplicants, Set<Set<String>> expected) {
        SharedData.require(DIR + "scram_mcs.csv");
        assertThat(files).as("files of " + name + " in expected.csv").isNotNull();
        FaultTreeAnalysis a = analysis(files);
        List<CutSet> products = primeImplicants ? a.primeImplicants(10_000) : a.minimalCutSets(10_000);
        Set<Set<String>> actual = products.stream()
                .map(c -> {
                    Set<String> s = new HashSet<>(c.events());
                    c.complemented().forEach(e -> s.add("not " + e));
                    return s;
                })
                .collect(Collectors.toSet());
        assertThat(actual).isEqualTo(expected);
    }

    static Stream<Arguments> importanceRows() {
        if (!present()) {
            return Stream.of(Arguments.of("shared data absent", Map.of()));
        }
        return table("importance.csv").stream()
                .map(r -> Arguments.of(r.get("tree") + " " + r.get("event") + " [" + r.get("approximation") + "]", r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("importanceRows")
    void reproducesImportanceFactors(String name, Map<String, String> row) {
        SharedData.require(DIR + "importance.csv");
        FaultTreeAnalysis a = analysis(row.get("files"));
        String approximation = row.get("approximation");
        double rel = Double.parseDouble(row.get("rel_tol"));
        List<List<Importance>> variants = new ArrayList<>();
        if (approximation.startsWith("exact and rare-event")) {
            variants.add(a.importance());
            variants.add(a.rareEventImportance());
        } else if (approximation.startsWith("rare-event")) {
            variants.add(a.rareEventImportance());
        } else {
            variants.add(a.importance());
        }
        for (List<Importance> rows : variants) {
            Importance imp = rows.stream()
                    .filter(i -> i.event().equals(row.get("event")))
                    .findFirst()
                    .orElseThrow();
            long occurrence = approximation.contains("occurrence counts prime implicants")
                    ? a.primeImplicantOccurrences().get(imp.event())
                    : imp.occurrence();
            assertThat(occurrence).isEqualTo(Long.parseLong(row.get("occurrence")));
            close(imp.mif(), row.get("MIF_birnbaum"), rel);
            close(imp.cif(), row.get("CIF_criticality"), rel);
            close(imp.dif(), row.get("DIF_fussell_vesely_diagnosis"), rel);
            close(imp.raw(), row.get("RAW"), rel);
            close(imp.rrw(), row.get("RRW"), rel);
        }
    }

    private static void close(double actual, String expected, double rel) {
        double e = Double.parseDouble(expected);
        assertThat(actual).isCloseTo(e, within(rel * Math.abs(e) + 1e-12));
    }
}
