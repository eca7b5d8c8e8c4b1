package dev.hindsight.engines.faulttree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.cli.BenchFtaCommand;
import dev.hindsight.cli.FtaCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FtaCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(List<String> args) {
        return new FtaCommand()
                .run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path twoTrain(Path dir) throws IOException {
        FaultTree tree = FaultTree.builder("two-train")
                .gate("top", Connective.AND, "train1", "train2")
                .gate("train1", Connective.OR, "pump1", "valve1")
                .gate("train2", Connective.OR, "pump2", "valve2")
                .basicEvent("pump1", 0.1)
                .basicEvent("pump2", 0.2)
                .basicEvent("valve1", 0.3)
                .basicEvent("valve2", 0.4)
                .build();
        return Files.writeString(dir.resolve("two-train.xml"), new MefExporter().write(tree));
    }

    @Test
    void printsCountsProbabilitiesAndImportance(@TempDir Path dir) throws IOException {
        assertThat(run(List.of(twoTrain(dir).toString(), "--top", "2"))).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("minimal cut sets     4");
        assertThat(text).contains(String.format(java.util.Locale.ROOT, "%.6g", 0.37 * 0.52));
        assertThat(text)
                .contains("rare-event")
                .contains("MCUB")
                .contains("valve1")
                .contains("time");
    }

    @Test
    void printsJsonWhenAsked(@TempDir Path dir) throws IOException {
        assertThat(run(List.of(twoTrain(dir).toString(), "--json"))).isZero();
        String json = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(json).startsWith("{").endsWith("}");
        assertThat(json).contains("\"minimalCutSets\":4").contains("\"pTopExact\":");
    }

    @Test
    void reportsUsageMistakesWithExitCodeTwo(@TempDir Path dir) throws IOException {
        assertThat(run(List.of())).isEqualTo(2);
        assertThat(run(List.of(dir.resolve("missing.xml").toString()))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.xml");
        assertThat(run(List.of(twoTrain(dir).toString(), "--top", "-3"))).isEqualTo(2);
        assertThat(run(List.of(twoTrain(dir).toString(), "--bogus"))).isEqualTo(2);
        assertThat(new BenchFtaCommand()
                        .run(
                                List.of(dir.resolve("nowhere").toString()),
                                new PrintStream(out, true, StandardCharsets.UTF_8),
                                new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
    }
}
