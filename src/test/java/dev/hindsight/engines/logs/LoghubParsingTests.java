package dev.hindsight.engines.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.testing.SharedData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoghubParsingTests {

    static final String SYSTEMS = "HDFS,Hadoop,HealthApp,Linux,OpenSSH,OpenStack,Proxifier,Spark";

    static List<LogRecord> parseAll(Path log, ParseOptions options) throws Exception {
        List<LogRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(log)) {
            LogParser.parse(in, options, records::add);
        }
        return records;
    }

    @ParameterizedTest
    @ValueSource(strings = {"HDFS", "Hadoop", "HealthApp", "Linux", "OpenSSH", "OpenStack", "Proxifier", "Spark"})
    void extractsTheLoghubContentColumnForEveryLine(String system) throws Exception {
        Path log = SharedData.require("logs/" + system + "/" + system + "_2k.log");
        LoghubCsv truth =
                LoghubCsv.read(SharedData.require("logs/" + system + "/" + system + "_2k.log_structured.csv"));

        List<LogRecord> records = parseAll(log, ParseOptions.defaults());

        assertThat(records).hasSize(truth.size());
        List<String> expected = truth.column("Content");
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            LogRecord record = records.get(i);
            assertThat(record.lineNumber()).isEqualTo(i + 1L);
            if (!record.parsed() || !record.message().equals(expected.get(i))) {
                mismatches.add((i + 1) + ": got [" + record.message() + "] want [" + expected.get(i) + "]");
            }
        }
        assertThat(mismatches).as(system).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "HDFS, log4j",
        "Hadoop, log4j",
        "Spark, log4j",
        "HealthApp, healthapp",
        "Linux, syslog",
        "OpenSSH, syslog",
        "OpenStack, openstack",
        "Proxifier, proxifier"
    })
    void detectsTheFormatOfEachLoghubSystem(String system, String format) throws Exception {
        Path log = SharedData.require("logs/" + system + "/" + system + "_2k.log");
        try (InputStream in = Files.newInputStream(log);
                LogReader reader = LogParser.open(in, ParseOptions.defaults())) {
            assertThat(reader.format().formatName()).isEqualTo(format);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "HDFS, 1, 2008-11-09T20:36:15+01:00",
        "HDFS, 3, 2008-11-09T20:40:05+01:00",
        "Hadoop, 1, 2015-10-18T18:01:47.978+02:00",
        "Spark, 1, 2017-06-09T20:10:40+02:00",
        "OpenStack, 1, 2017-05-16T00:00:00.008+02:00",
        "HealthApp, 1, 2017-12-23T22:15:29.606+01:00",
        "Linux, 1, 2005-06-14T15:16:01+02:00",
        "OpenSSH, 1, 2005-12-10T06:55:46+01:00",
        "Proxifier, 1, 2005-10-30T16:49:06+01:00",
    })
    void resolvesTimestampsInTheGivenZoneAndYear(String system, int line, String expected) throws Exception {
        Path log = SharedData.require("logs/" + system + "/" + system + "_2k.log");
        ParseOptions options = ParseOptions.defaults()
                .withZone(ZoneId.of("Europe/Paris"))
                .withStartYear(2005)
                .withReferenceDate(LocalDate.of(2026, 1, 1));

        List<LogRecord> records = parseAll(log, options);

        assertThat(records.get(line - 1).timestamp())
                .isEqualTo(java.time.OffsetDateTime.parse(expected).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HDFS", "Hadoop", "HealthApp", "Linux", "OpenSSH", "OpenStack", "Proxifier", "Spark"})
    void givesEveryLoghubLineATimestampWithinHalfAYearOfTheFirst(String system) throws Exception {
        Path log = SharedData.require("logs/" + system + "/" + system + "_2k.log");
        List<LogRecord> records =
                parseAll(log, ParseOptions.defaults().withStartYear(2005).withReferenceDate(LocalDate.of(2026, 1, 1)));

        Instant first = records.get(0).timestamp();
        assertThat(records).allSatisfy(r -> {
            assertThat(r.timestamp()).isNotNull();
            assertThat(java.time.Duration.between(first, r.timestamp()).abs().toDays())
                    .isLessThan(186);
        });
    }
}
