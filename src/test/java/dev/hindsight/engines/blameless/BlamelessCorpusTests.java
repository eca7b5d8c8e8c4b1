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

    @Test
    void meetsPrecisionAndRecallTargetsOnTheWholeLabelledSet() throws IOException {
        List<Labelled> dev = load("dev.tsv");
        List<Labelled> heldOut = load("heldout.tsv");
        List<Labelled> heldOut2 = load("heldout2.tsv");
        List<Labelled> all = new ArrayList<>(dev);
        all.addAll(heldOut);
        all.addAll(heldOut2);

        Score total = score(all);
        System.out.println("blameless-check dev:       " + score(dev));
        System.out.println("blameless-check held-out:  " + score(heldOut));
        System.out.println("blameless-check held-out2: " + score(heldOut2));
        System.out.println("blameless-check all:       " + total);

        assertThat(all).hasSizeGreaterThanOrEqualTo(300);
        assertThat(total.precision()).as("precision " + total).isGreaterThanOrEqualTo(0.9);
        assertThat(total.recall()).as("recall " + total).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void labelledSetIsRoughlyBalanced() throws IOException {
        List<Labelled> all = new ArrayList<>(load("dev.tsv"));
        all.addAll(load("heldout.tsv"));
        all.addAll(load("heldout2.tsv"));

        long blaming = all.stream().filter(Labelled::blaming).count();

        assertThat(blaming / (double) all.size()).isBetween(0.4, 0.6);
    }
}
