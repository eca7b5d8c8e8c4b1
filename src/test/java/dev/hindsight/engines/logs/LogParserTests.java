package dev.hindsight.engines.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogParserTests {

    private static final ParseOptions PARIS =
            ParseOptions.defaults().withZone(ZoneId.of("Europe/Paris")).withReferenceDate(LocalDate.of(2024, 6, 30));

    record Parsed(List<LogRecord> records, ParseStats stats) {}

    static Parsed parse(String text, ParseOptions options) {
        List<LogRecord> records = new ArrayList<>();
        ParseStats stats =
                LogParser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), options, records::add);
        return new Parsed(records, stats);
    }

    @Test
    void detectsJsonLinesAndReadsCommonFieldNames() {
        Parsed p = parse("""
                {"@timestamp":"2024-03-01T10:00:00.250Z","severity":"warning","logger":"api","message":"slow \\"query\\""}
                {"ts":1709287200000,"lvl":"error","msg":"failed","extra":{"a":[1,2]}}
                """, PARIS);

        assertThat(p.stats().format()).isEqualTo(LogFormat.JSON);
        LogRecord first = p.records().get(0);
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2024-03-01T10:00:00.250Z"));
        assertThat(first.level()).isEqualTo("WARNING");
        assertThat(first.source()).isEqualTo("api");
        assertThat(first.message()).isEqualTo("slow \"query\"");
        LogRecord second = p.records().get(1);
        assertThat(second.timestamp()).isEqualTo(Instant.ofEpochMilli(1709287200000L));
        assertThat(second.level()).isEqualTo("ERROR");
        assertThat(second.message()).isEqualTo("failed");
    }

    @Test
    void readsLogfmtPairsWithQuotedValues() {
        Parsed p = parse(
                "time=2024-03-01T10:00:00+02:00 level=info component=db msg=\"connection pool exhausted\" size=10\n"
                        + "time=2024-03-01T10:00:01+02:00 level=debug component=db msg=retry\n",
                PARIS);

        assertThat(p.stats().format()).isEqualTo(LogFormat.LOGFMT);
        assertThat(p.records().get(0).message()).isEqualTo("connection pool exhausted");
        assertThat(p.records().get(0).source()).isEqualTo("db");
        assertThat(p.records().get(0).timestamp()).isEqualTo(Instant.parse("2024-03-01T08:00:00Z"));
        assertThat(p.records().get(1).level()).isEqualTo("DEBUG");
    }

    @Test
    void readsRfc5424WithStructuredDataAndSeverityFromPriority() {
        Parsed p = parse(
                "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                        + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\"] An application event\n"
                        + "<11>1 2003-10-11T22:14:16Z host app 42 - - disk full\n",
                PARIS);

        assertThat(p.stats().format()).isEqualTo(LogFormat.SYSLOG_5424);
        LogRecord first = p.records().get(0);
        assertThat(first.message()).isEqualTo("An application event");
        assertThat(first.source()).isEqualTo("evntslog");
        assertThat(first.level()).isEqualTo("NOTICE");
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2003-10-11T22:14:15.003Z"));
        assertThat(p.records().get(1).level()).isEqualTo("ERROR");
        assertThat(p.records().get(1).message()).isEqualTo("disk full");
    }

    @Test
    void readsRfc3164WithPriorityHostAndTag() {
        Parsed p = parse(
                "<34>Oct 11 22:14:15 mymachine su[230]: 'su root' failed for lonvick on /dev/pts/8\n"
                        + "Oct  3 09:00:00 mymachine kernel: eth0 link up\n",
                PARIS);

        assertThat(p.stats().format()).isEqualTo(LogFormat.SYSLOG);
        assertThat(p.records().get(0).source()).isEqualTo("su");
        assertThat(p.records().get(0).level()).isEqualTo("CRIT");
        assertThat(p.records().get(0).message()).isEqualTo("'su root' failed for lonvick on /dev/pts/8");
        assertThat(p.records().get(0).timestamp()).isEqualTo(Instant.parse("2023-10-11T20:14:15Z"));
        assertThat(p.records().get(1).source()).isEqualTo("kernel");
    }

    @Test
    void readsCombinedAccessLogsWithTheirOffsetAndStatusLevel() {
        Parsed p = parse(
                "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 "
                        + "\"http://www.example.com/start.html\" \"Mozilla/4.08\"\n"
                        + "10.0.0.2 - - [10/Oct/2000:13:55:37 -0700] \"POST /api HTTP/1.1\" 503 12\n",
                PARIS);

        assertThat(p.stats().format()).isEqualTo(LogFormat.ACCESS);
        assertThat(p.records().get(0).timestamp()).isEqualTo(Instant.parse("2000-10-10T20:55:36Z"));
        assertThat(p.records().get(0).source()).isEqualTo("127.0.0.1");
        assertThat(p.records().get(0).message()).startsWith("\"GET /apache_pb.gif HTTP/1.0\" 200 2326");
        assertThat(p.records().get(0).level()).isEqualTo("INFO");
        assertThat(p.records().get(1).level()).isEqualTo("ERROR");
    }

    @Test
    void appendsStackTraceLinesToThePreviousRecord() {
        Parsed p = parse("""
                2024-05-01 12:00:00,001 ERROR [main] com.acme.Service: request failed
                java.lang.IllegalStateException: boom
                \tat com.acme.Service.call(Service.java:10)
                Caused by: java.io.IOException: reset
                \t... 3 more
                2024-05-01 12:00:01,500 INFO [main] com.acme.Service: recovered
                """, PARIS);

        assertThat(p.stats().format()).isEqualTo(LogFormat.LOG4J);
        assertThat(p.records()).hasSize(2);
        LogRecord error = p.records().get(0);
        assertThat(error.lineCount()).isEqualTo(5);
        assertThat(error.message()).startsWith("request failed\njava.lang.IllegalStateException: boom\n");
        assertThat(error.source()).isEqualTo("com.acme.Service");
        assertThat(p.records().get(1).lineNumber()).isEqualTo(6);
        assertThat(p.records().get(1).timestamp()).isEqualTo(Instant.parse("2024-05-01T10:00:01.500Z"));
        assertThat(p.stats().continuationLines()).isEqualTo(4);
        assertThat(p.stats().unparsed()).isZero();
    }

    @Test
    void readsPythonLoggingLines() {
        Parsed p = parse(
                "2024-05-01 12:00:00,123 - payments.worker - WARNING - queue is 90% full\n"
                        + "2024-05-01 12:00:01,000 - payments.worker - INFO - drained\n",
                PARIS);

        assertThat(p.records().get(0).source()).isEqualTo("payments.worker");
        assertThat(p.records().get(0).level()).isEqualTo("WARNING");
        assertThat(p.records().get(0).message()).isEqualTo("queue is 90% full");
    }

    @Test
    void skipsNestedThreadBracketsAndSeparators() {
        Parsed p = parse(
                "2015-07-29 17:41:44,747 - INFO  [Worker[id=1]/0:0:0:0:2181:Election@774] - Notification time out: 3200\n",
                PARIS);

        assertThat(p.stats().format()).isEqualTo(LogFormat.LOG4J);
        assertThat(p.records().get(0).level()).isEqualTo("INFO");
        assertThat(p.records().get(0).message()).isEqualTo("Notification time out: 3200");
    }

    @Test
    void readsAndroidLogcatThreadtimeLinesWithoutYear() {
        Parsed p = parse(
                "03-17 16:13:38.811  1702  2395 D WindowManager: freezing display\n"
                        + "03-17 16:13:38.900  1702  1702 E ActivityManager: ANR in com.example\n",
                PARIS.withStartYear(2017));

        assertThat(p.stats().format()).isEqualTo(LogFormat.LOG4J);
        LogRecord first = p.records().get(0);
        assertThat(first.level()).isEqualTo("D");
        assertThat(first.source()).isEqualTo("WindowManager");
        assertThat(first.message()).isEqualTo("freezing display");
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2017-03-17T15:13:38.811Z"));
    }

    @Test
    void readsApacheErrorLogs() {
        Parsed p = parse(
                "[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties\n"
                        + "[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708] File does not exist\n",
                PARIS);

        assertThat(p.stats().format()).isEqualTo(LogFormat.APACHE_ERROR);
        assertThat(p.records().get(0).level()).isEqualTo("NOTICE");
        assertThat(p.records().get(0).message()).isEqualTo("workerEnv.init() ok /etc/httpd/conf/workers2.properties");
        assertThat(p.records().get(0).timestamp()).isEqualTo(Instant.parse("2005-12-04T03:47:44Z"));
        assertThat(p.records().get(1).source()).isEqualTo("core");
        assertThat(p.records().get(1).level()).isEqualTo("ERROR");
    }

    @Test
    void readsSupercomputerLogsWithEpochTimestamps() {
        Parsed bgl = parse(
                "- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL"
                        + " INFO instruction cache parity error corrected\n",
                PARIS);
        Parsed thunderbird = parse(
                "- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond(pam_unix)[2915]: session closed\n",
                PARIS);
        Parsed hpc = parse(
                "134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change: ok\n", PARIS);

        assertThat(bgl.stats().format()).isEqualTo(LogFormat.BGL);
        assertThat(bgl.records().get(0).message()).isEqualTo("instruction cache parity error corrected");
        assertThat(bgl.records().get(0).source()).isEqualTo("KERNEL");
        assertThat(bgl.records().get(0).timestamp()).isEqualTo(Instant.ofEpochSecond(1117838570));
        assertThat(thunderbird.stats().format()).isEqualTo(LogFormat.THUNDERBIRD);
        assertThat(thunderbird.records().get(0).source()).isEqualTo("crond(pam_unix)");
        assertThat(thunderbird.records().get(0).message()).isEqualTo("session closed");
        assertThat(thunderbird.records().get(0).timestamp()).isEqualTo(Instant.ofEpochSecond(1131566461));
        assertThat(hpc.stats().format()).isEqualTo(LogFormat.HPC);
        assertThat(hpc.records().get(0).source()).isEqualTo("unix.hw");
        assertThat(hpc.records().get(0).message()).isEqualTo("Component State Change: ok");
    }

    @Test
    void takesAColumnAlignedComponentAfterTheLevel() {
        Parsed p = parse(
                "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1 with Core: x.dll\n",
                PARIS);

        assertThat(p.stats().format()).isEqualTo(LogFormat.LOG4J);
        assertThat(p.records().get(0).level()).isEqualTo("INFO");
        assertThat(p.records().get(0).source()).isEqualTo("CBS");
        assertThat(p.records().get(0).message()).isEqualTo("Loaded Servicing Stack v6.1 with Core: x.dll");
    }

    @Test
    void countsUnparsedLinesAndKeepsThemWithExamples() {
        Parsed p = parse(
                "Jun 14 15:16:01 combo sshd[1]: ok\nthis is not syslog\nJun 14 15:16:02 combo sshd[1]: ok again\n",
                PARIS.withFormat("syslog"));

        assertThat(p.records()).hasSize(3);
        assertThat(p.records().get(1).parsed()).isFalse();
        assertThat(p.records().get(1).message()).isEqualTo("this is not syslog");
        assertThat(p.stats().parsed()).isEqualTo(2);
        assertThat(p.stats().unparsed()).isEqualTo(1);
        assertThat(p.stats().unparsedExamples()).containsExactly(new ParseStats.UnparsedLine(2, "this is not syslog"));
    }

    @Test
    void rejectsBinaryInputWithAClearMessage() {
        byte[] bytes = {'a', 'b', 0, 1, 2, 3};
        assertThatThrownBy(() -> LogParser.parse(new ByteArrayInputStream(bytes), PARIS, r -> {}))
                .isInstanceOf(BinaryLogException.class)
                .hasMessageContaining("NUL byte");
        byte[] noise = new byte[1000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i % 2 == 0 ? 0x01 : 0xff);
        }
        assertThatThrownBy(() -> LogParser.parse(new ByteArrayInputStream(noise), PARIS, r -> {}))
                .isInstanceOf(BinaryLogException.class)
                .hasMessageContaining("not a text log");
    }

    @Test
    void handlesCrlfLineEndingsAndAMissingFinalNewline() {
        Parsed p = parse("[10.30 16:49:06] a.exe - one\r\n[10.30 16:49:07] a.exe - two", PARIS);

        assertThat(p.records()).extracting(LogRecord::message).containsExactly("one", "two");
        assertThat(p.records()).extracting(LogRecord::raw).noneMatch(raw -> raw.contains("\r"));
    }

    @Test
    void infersYearsAcrossNewYearAndBackwardSteps() {
        Parsed p = parse(
                "Dec 31 23:59:58 h app: a\nDec 31 23:59:50 h app: b\nJan  1 00:00:01 h app: c\nDec 31 23:59:59 h app: d\n",
                PARIS.withStartYear(2023));

        assertThat(p.records())
                .extracting(LogRecord::timestamp)
                .containsExactly(
                        Instant.parse("2023-12-31T22:59:58Z"),
                        Instant.parse("2023-12-31T22:59:50Z"),
                        Instant.parse("2023-12-31T23:00:01Z"),
                        Instant.parse("2023-12-31T22:59:59Z"));
    }

    @Test
    void placesYearlessLogsNoLaterThanTheReferenceDate() {
        ParseOptions options = PARIS.withReferenceDate(LocalDate.of(2024, 3, 1));

        Parsed p = parse("Dec 30 10:00:00 h app: a\nJan  2 10:00:00 h app: b\n", options);

        assertThat(p.records().get(0).timestamp()).isEqualTo(Instant.parse("2023-12-30T09:00:00Z"));
        assertThat(p.records().get(1).timestamp()).isEqualTo(Instant.parse("2024-01-02T09:00:00Z"));
    }

    @Test
    void fallsBackToRawTextWhenNoFormatMatches() {
        Parsed p = parse("hello world\nsecond line\n", PARIS);

        assertThat(p.stats().format()).isEqualTo(LogFormat.RAW);
        assertThat(p.records()).extracting(LogRecord::message).containsExactly("hello world", "second line");
        assertThat(p.records()).allSatisfy(r -> assertThat(r.timestamp()).isNull());
    }

    @Test
    void rejectsAnUnknownFormatNameListingTheKnownOnes() {
        assertThatThrownBy(() -> PARIS.withFormat("klingon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("klingon")
                .hasMessageContaining("syslog")
                .hasMessageContaining("healthapp");
    }

    @Test
    void acceptsAliasesForExplicitFormats() {
        assertThat(LogFormat.byName("HDFS")).isEqualTo(LogFormat.LOG4J);
        assertThat(LogFormat.byName("openssh")).isEqualTo(LogFormat.SYSLOG);
        assertThat(LogFormat.byName("nginx")).isEqualTo(LogFormat.ACCESS);
    }
}
