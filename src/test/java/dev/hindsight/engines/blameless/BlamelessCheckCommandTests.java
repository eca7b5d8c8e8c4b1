package dev.hindsight.engines.blameless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.cli.BlamelessCheckCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlamelessCheckCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new BlamelessCheckCommand()
                .run(
                        List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("draft.md");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void printsFindingsWithLineAndColumnAndExitsWithOne() throws IOException {
        Path file = write("# Summary\n\nThe job failed to start.\nThen Alice forgot to run the migration.\n");

        int code = run(file.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(printed)
                .contains(file + ":4:6: omission: \"Alice forgot to run\"")
                .contains("The migration was not run");
    }

    @Test
    void exitsWithZeroForCleanText() throws IOException {
        Path file = write("The job failed to start because the image was missing.\n");

        assertThat(run(file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No blaming");
    }

    @Test
    void usesTheGivenParticipantNames() throws IOException {
        Path file = write("Zorblax deleted the bucket.\n");

        assertThat(run(file.toString())).isZero();
        assertThat(run(file.toString(), "--names", "Zorblax,@bob")).isEqualTo(1);
        assertThat(run(file.toString(), "--names=zorblax")).isEqualTo(1);
    }

    @Test
    void reportsUsageMistakesWithExitCodeTwo() throws IOException {
        Path file = write("ok\n");

        assertThat(run()).isEqualTo(2);
        assertThat(run(file.toString(), "--names")).isEqualTo(2);
        assertThat(run(file.toString(), "--frobnicate")).isEqualTo(2);
        assertThat(run(file.toString(), file.toString())).isEqualTo(2);
        assertThat(run(dir.resolve("missing.md").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage").contains("File not found");
    }
}
