package dev.hindsight.engines.blameless;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariants checked over texts assembled at random (seeded) from the labelled sentences. */
class BlamelessPropertyTests {

    private static final String[] SEPARATORS = {" ", "\n\n", "\n- ", "\n\n## Notes\n\n", "  \n\n1. ", "\n\n* "};
    private static List<BlamelessCorpusTests.Labelled> sentences;

    @BeforeAll
    static void loadSentences() throws IOException {
        sentences = new ArrayList<>(BlamelessCorpusTests.load("dev.tsv"));
        sentences.addAll(BlamelessCorpusTests.load("heldout.tsv"));
    }

    static String randomDocument(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            text.append(sentences.get(random.nextInt(sentences.size())).sentence());
        }
        return text.toString();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void findingsAreOrderedNonOverlappingSpansOfTheOriginalText(long seed) {
        Random random = new Random(seed);
        String text = randomDocument(random, 1 + random.nextInt(30));

        List<Finding> findings = BlamelessChecker.check(text, Set.of());

        int previousEnd = 0;
        for (Finding f : findings) {
            assertThat(f.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(f.end()).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text());
            previousEnd = f.end();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void paragraphsAreCheckedIndependently(long seed) {
        Random random = new Random(seed);
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 2 + random.nextInt(8); i++) {
            paragraphs.add(sentences.get(random.nextInt(sentences.size())).sentence());
        }
        String text = String.join("\n\n", paragraphs);

        List<Finding> whole = BlamelessChecker.check(text, Set.of());

        List<Finding> pieces = new ArrayList<>();
        int offset = 0;
        for (String paragraph : paragraphs) {
            for (Finding f : BlamelessChecker.check(paragraph, Set.of())) {
                pieces.add(new Finding(
                        f.start() + offset, f.end() + offset, f.text(), f.rule(), f.reason(), f.suggestion()));
            }
            offset += paragraph.length() + 2;
        }
        assertThat(whole).isEqualTo(pieces);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void codeBlocksAndInlineCodeHideEverything(long seed) {
        Random random = new Random(seed);
        String inner = randomDocument(random, 1 + random.nextInt(10)).replace("`", "'");

        assertThat(BlamelessChecker.check("```\n" + inner.replace("```", "") + "\n```\n", Set.of()))
                .isEmpty();
        String oneLine = inner.replace('\n', ' ');
        assertThat(BlamelessChecker.check("`" + oneLine + "`", Set.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34, 35})
    void knownNamesOnlyAddFindings(long seed) {
        Random random = new Random(seed);
        String text = randomDocument(random, 10 + random.nextInt(10));

        List<Finding> without = BlamelessChecker.check(text, Set.of());
        List<Finding> with = BlamelessChecker.check(text, Set.of("Zed", "@quinn", "Review"));

        assertThat(with.size()).isGreaterThanOrEqualTo(without.size());
    }

    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43, 44, 45, 46, 47, 48})
    void neverFailsOnArbitraryCharacters(long seed) {
        Random random = new Random(seed);
        String alphabet = "aZ @`'\"\u2019-_.!?,;:()[]<>#*|>\n\t~0123456789\u00e9\u4e2d\ud83d\ude00";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }

        List<Finding> findings = BlamelessChecker.check(text.toString(), Set.of("@x"));

        assertThat(findings)
                .allSatisfy(f -> assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text()));
    }

    @ParameterizedTest
    @ValueSource(longs = {51, 52, 53, 54, 55})
    void neverFailsOnShuffledCorpusWordsAndMarkdown(long seed) {
        Random random = new Random(seed);
        List<String> words = new ArrayList<>();
        for (BlamelessCorpusTests.Labelled row : sentences) {
            words.addAll(List.of(row.sentence().split(" ")));
        }
        String[] marks = {".", ",", "?", ";", ":", "`", "\"", "(", ")", "\n", "\n\n", "- ", "# ", "'", "@", "|", "```\n"
        };
        BlamelessChecker checker = BlamelessChecker.withKnownNames(Set.of("Alice", "@bob", "Xan Quill", "who"));
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 1 + random.nextInt(40); i++) {
                String word = words.get(random.nextInt(words.size()));
                text.append(random.nextInt(4) == 0 ? marks[random.nextInt(marks.length)] : word);
                text.append(random.nextBoolean() ? " " : "");
            }
            String input = text.toString();

            List<Finding> findings = checker.check(input);

            assertThat(findings)
                    .allSatisfy(
                            f -> assertThat(input.substring(f.start(), f.end())).isEqualTo(f.text()));
        }
    }
}
