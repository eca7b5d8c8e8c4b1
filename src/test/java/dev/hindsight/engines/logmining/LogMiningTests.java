package dev.hindsight.engines.logmining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.engines.logs.BinaryLogException;
import dev.hindsight.engines.logs.LogRecord;
import dev.hindsight.engines.logs.ParseOptions;
import dev.hindsight.engines.logs.ParseStats;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogMiningTests {

    @Test
    void assignsTheSameTemplatesAsMiningRecordByRecord() {
        Random random = new Random(7);
        StringBuilder log = new StringBuilder();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String message = switch (random.nextInt(3)) {
                case 0 -> "Accepted password for u" + random.nextInt(50) + " from 10.0.0." + random.nextInt(255);
                case 1 -> "Connection closed by 10.1.1." + random.nextInt(255) + " [preauth]";
                default -> "session opened for user root by (uid=" + random.nextInt(3) + ")";
            };
            messages.add(message);
            log.append("Jun 14 15:16:01 combo sshd[")
                    .append(i)
                    .append("]: ")
                    .append(message)
                    .append('\n');
        }
        TemplateMiner sequential = new TemplateMiner();
        List<Integer> expected = new ArrayList<>();
        messages.forEach(m -> expected.add(sequential.add(m, null)));

        TemplateMiner miner = new TemplateMiner();
        List<Integer> actual = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        ParseStats stats = LogMining.run(
                new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)),
                ParseOptions.defaults(),
                miner,
                (LogRecord record, int shape) -> {
                    actual.add(shape);
                    lines.add(record.lineNumber());
                });

        assertThat(stats.parsed()).isEqualTo(5000);
        assertThat(actual).isEqualTo(expected);
        assertThat(lines.get(4999)).isEqualTo(5000L);
        assertThat(miner.templates()).hasSameSizeAs(sequential.templates());
    }

    @Test
    void passesOnTheParsersRejectionOfBinaryInput() {
        byte[] bytes = {'x', 0, 'y'};
        assertThatThrownBy(() -> LogMining.run(
                        new ByteArrayInputStream(bytes), ParseOptions.defaults(), new TemplateMiner(), (r, s) -> {}))
                .isInstanceOf(BinaryLogException.class);
    }

    @Test
    void passesOnAFailureOfTheSinkAndStopsReading() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            log.append("line ").append(i).append('\n');
        }
        assertThatThrownBy(() -> LogMining.run(
                        new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)),
                        ParseOptions.defaults(),
                        new TemplateMiner(),
                        (r, s) -> {
                            if (r.lineNumber() == 10) {
                                throw new IllegalStateException("sink full");
                            }
                        }))
                .hasMessage("sink full");
    }
}
