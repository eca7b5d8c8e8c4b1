package dev.hindsight.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL in the middle of ingesting a large log, starts it again on the same database and
 * evidence directory, and checks that nothing of the upload is visible and that retrying it works, once.
 */
class IngestKillTests {

    @TempDir
    Path dir;

    @Test
    void leavesNothingVisibleWhenKilledMidIngestAndTheRetrySucceedsOnce() throws Exception {
        Process ingest = start("ingest", "ingest.out");
        Path signal = dir.resolve("ingesting");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!Files.exists(signal) && ingest.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.exists(signal))
                .as("the ingest started (see %s)", dir.resolve("ingest.out"))
                .isTrue();
        assertThat(ingest.isAlive()).isTrue();
        ingest.destroyForcibly();
        assertThat(ingest.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(ingest.exitValue()).isNotZero();
        assertThat(dir.resolve("finished")).doesNotExist();

        Process verify = start("verify", "verify.out");
        assertThat(verify.waitFor(4, TimeUnit.MINUTES)).isTrue();
        assertThat(verify.exitValue()).as(output("verify.out")).isZero();

        List<String> result = Files.readAllLines(dir.resolve("result.txt"));
        assertThat(result.get(0)).isEqualTo("before evidence=0 digests=0 events=0 eventRows=0");
        assertThat(result.get(1)).isEqualTo("retried alreadyAttached=false");
        assertThat(result.get(2)).startsWith("after evidence=1 digests=1 events=");
        assertThat(result.get(2)).doesNotContain("events=0 ");
        assertThat(result).hasSize(3);
    }

    private Process start(String mode, String output) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        IngestKillMain.class.getName(),
                        mode,
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(output).toFile())
                .directory(new File(System.getProperty("user.dir")))
                .start();
    }

    private String output(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
