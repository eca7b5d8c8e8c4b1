package dev.hindsight.engines.logmining;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.cli.MineLogsCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MineLogsCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new MineLogsCommand()
                .run(
                        List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path sampleLog() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, """
                Dec 31 23:59:58 web sshd[1]: Accepted password for root from 10.0.0.1 port 22 via ssh
                Dec 31 23:59:59 web sshd[2]: Accepted password for root from 10.0.0.2 port 2222 via ssh
                Jan  1 00:00:01 web sshd[3]: Connection closed by 10.0.0.3 [preauth]
                """);
        return log;
    }

    @Test
    void writesRowsAndTemplatesAsCsvFiles() throws Exception {
        Path rows = dir.resolve("rows.csv");
        Path templates = dir.resolve("templates.csv");

        int code = run(
                sampleLog().toString(),
                "--zone",
                "Europe/Paris",
                "--year",
                "2016",
                "--out",
                rows.toString(),
                "--templates",
                templates.toString());

        assertThat(code).isZero();
        assertThat(Files.readAllLines(rows))
                .containsExactly(
                        "line,line_count,template_id,template",
                        "1,1,0,Accepted password for root from <*> port <*> via ssh",
                        "2,1,0,Accepted password for root from <*> port <*> via ssh",
                        "3,1,1,Connection closed by <*> [preauth]");
        assertThat(Files.readAllLines(templates))
                .containsExactly(
                        "id,count,first_seen,last_seen,template",
                        "0,2,2016-12-31T22:59:58Z,2016-12-31T22:59:59Z,Accepted password for root from <*> port <*> via ssh",
                        "1,1,2016-12-31T23:00:01Z,2016-12-31T23:00:01Z,Connection closed by <*> [preauth]");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("format syslog")
                .contains("2 templates");
    }

    @Test
    void printsJsonWithStatsTemplatesAndRows() throws Exception {
        int code = run(sampleLog().toString(), "--json", "--format", "openssh");

        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(json)
                .startsWith("{\"file\":")
                .contains("\"format\":\"syslog\"")
                .contains("\"parsed\":3")
                .contains("\"template\":\"Connection closed by <*> [preauth]\"")
                .contains("{\"line\":3,\"lineCount\":1,\"templateId\":1}");
    }

    @Test
    void explainsAMissingFileAndAnUnknownFormat() throws Exception {
        assertThat(run(dir.resolve("absent.log").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");

        assertThat(run(sampleLog().toString(), "--format", "cobol")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown log format 'cobol'")
                .contains("log4j");

        assertThat(run()).isEqualTo(2);
        assertThat(run(sampleLog().toString(), "--zone", "Mars/Olympus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown zone");
    }
}
