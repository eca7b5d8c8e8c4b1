package dev.hindsight.engines.blameless;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Precision and recall of "the sentence has at least one finding" on the hand-labelled sentence sets. */
class BlamelessCorpusTests {

    record Labelled(boolean blaming, String sentence) {}

    record Score(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        double precision() {
            return truePositives / (double) (truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }

        int size() {
            return truePositives + falsePositives + falseNegatives + trueNegatives;
        }

        @Override
        public String toString() {
            return "n=%d precision=%.3f recall=%.3f (tp=%d fp=%d fn=%d tn=%d)"
                    .formatted(
                            size(),
                            precision(),
                            recall(),
                            truePositives,
                            falsePositives,
                            falseNegatives,
                            trueNegatives);
        }
    }

    static List<Labelled> load(String name) throws IOException {
        try (InputStream in = BlamelessCorpusTests.class.getResourceAsStream(name)) {
            assertThat(in).as("resource " + name).isNotNull();
            List<Labelled> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", 2);
                rows.add(new Labelled(cells[0].trim().equals("1"), cells[1].trim()));
            }
            return rows;
        }
    }

    static Score score(List<Labelled> rows) {
        BlamelessChecker checker = BlamelessChecker.withKnownNames(Set.of());
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (Labelled row : rows) {
            boolean flagged = !checker.check(row.sentence()).isEmpty();
            if (flagged && row.blaming()) {
                tp++;
            } else if (flagged) {
                fp++;
            } else if (row.blaming()) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Score(tp, fp, fn, tn);
    }

    static final List<String> SETS = List.of("dev.tsv", "heldout.tsv", "heldout2.tsv", "heldout3.tsv", "heldout4.tsv");

    static List<Labelled> loadAll() throws IOException {
        List<Labelled> all = new ArrayList<>();
        for (String set : SETS) {
            all.addAll(load(set));
        }
        return all;
    }

    @Test
    void meetsPrecisionAndRecallTargetsOnTheWholeLabelledSet() throws IOException {
        for (String set : SETS) {
            System.out.printf("blameless-check %-13s %s%n", set + ":", score(load(set)));
        }
        List<Labelled> all = loadAll();
        Score total = score(all);
        System.out.printf("blameless-check %-13s %s%n", "all:", total);

        assertThat(all).hasSizeGreaterThanOrEqualTo(300);
        assertThat(total.precision()).as("precision " + total).isGreaterThanOrEqualTo(0.9);
        assertThat(total.recall()).as("recall " + total).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void labelledSetIsRoughlyBalanced() throws IOException {
        List<Labelled> all = loadAll();

        long blaming = all.stream().filter(Labelled::blaming).count();

        assertThat(blaming / (double) all.size()).isBetween(0.4, 0.6);
    }
}
