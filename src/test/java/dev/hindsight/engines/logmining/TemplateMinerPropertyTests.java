package dev.hindsight.engines.logmining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateMinerPropertyTests {

    private static final String[] WORDS = {
        "connection", "opened", "closed", "for", "user", "block", "received", "sent", "failed", "retry", "session",
        "queue", "worker", "started", "stopped", "error", "timeout", "cache", "flush", "disk", "node", "replica"
    };

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25})
    void recoversRandomTemplatesWhoseParametersAreNumbersAndAddresses(long seed) {
        Random random = new Random(seed);
        List<String[]> templates = new ArrayList<>();
        int templateCount = 2 + random.nextInt(8);
        while (templates.size() < templateCount) {
            String[] tokens = new String[3 + random.nextInt(8)];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = random.nextInt(4) == 0 ? "#" + random.nextInt(5) : WORDS[random.nextInt(WORDS.length)];
            }
            tokens[random.nextInt(tokens.length)] = "event" + (char) ('a' + templates.size());
            templates.add(tokens);
        }
        TemplateMiner miner = new TemplateMiner();
        List<Integer> truth = new ArrayList<>();
        List<Integer> shapes = new ArrayList<>();
        int messages = 200 + random.nextInt(2000);
        for (int m = 0; m < messages; m++) {
            int t = random.nextInt(templateCount);
            StringBuilder sb = new StringBuilder();
            for (String token : templates.get(t)) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(token.startsWith("#") ? parameter(random, token.charAt(1) - '0') : token);
            }
            truth.add(t);
            shapes.add(miner.add(sb.toString(), null));
        }
        List<Integer> predicted = new ArrayList<>();
        shapes.forEach(s -> predicted.add(miner.templateIdOf(s)));

        assertThat(GroupingAccuracy.compute(truth, predicted).accuracy()).isEqualTo(1.0);
        assertThat(miner.templates().stream().mapToLong(LogTemplate::count).sum())
                .isEqualTo(messages);
        assertThat(miner.shapeCount()).isLessThanOrEqualTo(templateCount);
    }

    private static String parameter(Random random, int type) {
        return switch (type) {
            case 0 -> Integer.toString(random.nextInt(100_000));
            case 1 ->
                random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256)
                        + ":" + random.nextInt(65536);
            case 2 -> "0x" + Long.toHexString(random.nextLong() | 1L);
            case 3 -> random.nextInt(1000) + "." + random.nextInt(100) + "ms";
            default -> "blk_" + random.nextLong();
        };
    }
}
