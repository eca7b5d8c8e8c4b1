package dev.hindsight.evidence.internal.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.evidence.EvidenceEventKind;
import dev.hindsight.evidence.EvidenceKind;
import dev.hindsight.evidence.internal.EventDraft;
import dev.hindsight.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-written fixtures for the CSV, metric and JSON-lines paths, detection and the signal rules. */
class SourceParsersTests {

    static final Instant RECEIVED = Instant.parse("2026-05-01T00:00:00Z");

    static SourceParsers.Result parse(EvidenceKind kind, String format, String content, String zone) {
        return SourceParsers.parse(
                kind,
                format,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                ZoneId.of(zone),
                RECEIVED);
    }

    @Test
    void readsAChangesCsvWithCaseInsensitiveColumnsInTheEvidenceZone() {
        String csv = """
                Timestamp,Service,Summary,Changed_By,TYPE,Ticket
                2026-04-30 09:58,payments-gateway,"Reload fraud rules, revision r4182",dana,config,CHG-1
                2026-04-30T10:05:00Z,checkout,Raise pool size to 50,eli,deploy,
                not a time,checkout,Bad row,eli,config,CHG-3
                2026-04-30 10:20:30.250,,"Multi-line
                description",fay,,CHG-4
                """;

        var result = parse(EvidenceKind.DEPLOY, null, csv, "Europe/Paris");

        assertThat(result.summary().format()).isEqualTo("csv");
        assertThat(result.summary().items()).isEqualTo(3);
        assertThat(result.summary().unparsed()).isEqualTo(1);
        assertThat(result.summary().unparsedExamples())
                .singleElement()
                .asString()
                .startsWith("4: not a time");
        assertThat(result.events()).extracting(EventDraft::kind).containsOnly(EvidenceEventKind.CHANGE);
        EventDraft first = result.events().get(0);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-04-30T07:58:00Z"));
        assertThat(first.title()).isEqualTo("payments-gateway: Reload fraud rules, revision r4182");
        assertThat(first.attributes())
                .containsEntry("service", "payments-gateway")
                .containsEntry("author", "dana")
                .containsEntry("type", "config")
                .containsEntry("ticket", "CHG-1");
        assertThat(first.firstLine()).isEqualTo(2);
        assertThat(result.events().get(2).at()).isEqualTo(Instant.parse("2026-04-30T10:05:00Z"));
        EventDraft multiLine = result.events().get(1);
        assertThat(multiLine.at()).isEqualTo(Instant.parse("2026-04-30T08:20:30.250Z"));
        assertThat(multiLine.title()).isEqualTo("Multi-line description");
        assertThat(multiLine.firstLine()).isEqualTo(5);
        assertThat(multiLine.lastLine()).isEqualTo(6);
    }

    @Test
    void countsEveryRowOfAChangesCsvWithoutATimeColumn() {
        var result = parse(EvidenceKind.DEPLOY, "csv", "service,what\na,b\nc,d\n", "UTC");

        assertThat(result.events()).isEmpty();
        assertThat(result.summary().unparsed()).isEqualTo(2);
        assertThat(result.summary().unparsedExamples().getFirst()).contains("no time column");
    }

    @Test
    void findsTheStepInAWideMetricsCsv() {
        StringBuilder csv = new StringBuilder("time,latency_ms,error_rate\n");
        Random random = new Random(11);
        Instant start = Instant.parse("2026-04-30T10:00:00Z");
        for (int i = 0; i < 120; i++) {
            double latency = (i < 70 ? 120 : 480) + random.nextGaussian() * 8;
            double errors = 0.5 + random.nextGaussian() * 0.05;
            csv.append(start.plusSeconds(30L * i))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.2f", latency))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.3f", errors))
                    .append('\n');
        }
        csv.append("2026-04-30T11:00:00Z,n/a,0.5\n");

        var result = parse(EvidenceKind.METRIC, null, csv.toString(), "UTC");

        assertThat(result.summary().format()).isEqualTo("csv");
        assertThat(result.summary().items()).isEqualTo(241);
        assertThat(result.summary().unparsed()).isEqualTo(1);
        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EvidenceEventKind.METRIC_CHANGE);
            assertThat(e.at()).isBetween(start.plusSeconds(30L * 68), start.plusSeconds(30L * 72));
            assertThat(e.title()).startsWith("latency_ms: 1");
            assertThat(e.attributes()).containsEntry("metric", "latency_ms").containsEntry("direction", "up");
            assertThat(e.firstLine()).isBetween(69L, 73L);
        });
    }

    @Test
    void readsALongFormMetricsCsvOutOfOrder() {
        StringBuilder csv = new StringBuilder("Time,Metric,Value\n");
        Random random = new Random(5);
        for (int i = 59; i >= 0; i--) {
            csv.append(1_777_543_200L + 60L * i)
                    .append(",queue_depth,")
                    .append(String.format(Locale.ROOT, "%.1f", (i < 40 ? 10 : 2) + random.nextGaussian() * 0.5))
                    .append('\n');
        }

        var result = parse(EvidenceKind.METRIC, "csv", csv.toString(), "UTC");

        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.at())
                    .isBetween(
                            Instant.ofEpochSecond(1_777_543_200L + 60L * 38),
                            Instant.ofEpochSecond(1_777_543_200L + 60L * 42));
            assertThat(e.attributes()).containsEntry("direction", "down").containsEntry("metric", "queue_depth");
        });
    }

    @Test
    void readsAPrometheusRangeQuery() {
        StringBuilder values = new StringBuilder();
        Random random = new Random(3);
        for (int i = 0; i < 80; i++) {
            if (i > 0) {
                values.append(',');
            }
            double v = (i < 50 ? 0.2 : 3.5) + random.nextGaussian() * 0.1;
            values.append("[")
                    .append(1_777_543_200 + 15 * i)
                    .append(".5,\"")
                    .append(String.format(Locale.ROOT, "%.4f", v))
                    .append("\"]");
        }
        String json = """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"__name__":"http_errors","job":"checkout"},"values":[%s]},
                  {"metric":{"__name__":"http_errors","job":"search"},"values":[[1777543200,"1"],[1777543215,"NaN"]]}
                ]}}
                """.formatted(values);

        var result = parse(EvidenceKind.METRIC, null, json, "UTC");

        assertThat(result.summary().format()).isEqualTo("prometheus");
        assertThat(result.summary().items()).isEqualTo(81);
        assertThat(result.summary().unparsed()).isEqualTo(1);
        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(Instant.ofEpochSecond(1_777_543_200L + 15 * 50, 500_000_000));
            assertThat(e.title()).startsWith("http_errors{job=\"checkout\"}: 0.");
            assertThat(e.attributes()).containsEntry("service", "checkout").containsEntry("direction", "up");
            assertThat(e.firstLine()).isZero();
        });
    }

    @Test
    void countsANonMatrixPrometheusAnswerAsUnparsed() {
        var result = parse(
                EvidenceKind.METRIC,
                "prometheus",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
                "UTC");

        assertThat(result.events()).isEmpty();
        assertThat(result.summary().unparsed()).isEqualTo(1);
        assertThat(result.summary().unparsedExamples().getFirst()).contains("resultType vector");
    }

    @Test
    void keepsTheGoodLinesOfJsonLinesAndCountsTheBadOnes() {
        String lines = """
                {"action":"Create","alert":{"message":"disk full","createdAt":1777543200000}}
                {"action":"Close","alert":{"message":"disk full",
                {"action":"Close","alert":{"message":"disk full","createdAt":1777543200000,"updatedAt":1777543800000000000}}
                """;

        var result = parse(EvidenceKind.ALERT, null, lines, "UTC");

        assertThat(result.summary().format()).isEqualTo("opsgenie");
        assertThat(result.events())
                .extracting(EventDraft::kind)
                .containsExactly(EvidenceEventKind.ALERT_FIRING, EvidenceEventKind.ALERT_RESOLVED);
        assertThat(result.events().get(1).at()).isEqualTo(Instant.parse("2026-04-30T10:10:00Z"));
        assertThat(result.events().get(1).firstLine()).isEqualTo(3);
        assertThat(result.summary().unparsed()).isEqualTo(1);
        assertThat(result.summary().unparsedExamples().getFirst()).startsWith("2: {\"action\":\"Close\"");
    }

    @Test
    void rejectsAJsonKindThatIsNotJsonAtAll() {
        assertThatThrownBy(() -> parse(EvidenceKind.ALERT, null, "ALERT: disk full on db-1\n", "UTC"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().message())
                                .contains("is not JSON")
                                .contains("expected an alert webhook payload"));
        assertThatThrownBy(() -> parse(EvidenceKind.CHAT, null, "", "UTC"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().message())
                                .contains("it is empty")
                                .contains("Slack"));
    }

    @Test
    void rejectsAnUnknownFormatForTheKind() {
        assertThatThrownBy(() -> SourceParsers.checkFormat(EvidenceKind.ALERT, "nagios"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().message())
                                .contains("'nagios' is not a alert format")
                                .contains("alertmanager"));
        SourceParsers.checkFormat(EvidenceKind.METRIC, "prometheus");
        SourceParsers.checkFormat(EvidenceKind.CHAT, "auto");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Rolling back the 10:02 deploy now|rollback",
                "we reverted PR 4182|rollback",
                "Error rate is back down, mitigated for now|mitigated",
                "failover to eu-west done|mitigated",
                "All clear, closing|resolved",
                "Paging the DB on-call|escalation",
                "this is a SEV1|escalation",
                "Decision: we will freeze deploys until Monday|decision",
                "let's restart the workers|decision",
                "lunch?|",
                "the rollbacks table is fine|",
            })
    void marksResponderMessagesWithASignal(String text, String signal) {
        assertThat(SlackExport.signal(text)).isEqualTo(signal);
    }

    @Test
    void sniffsTheKindOfAJsonFileFromItsStart() {
        assertThat(sniff("{\"receiver\":\"x\",\"alerts\":[]}")).isEqualTo(EvidenceKind.ALERT);
        assertThat(sniff("{\"event\":{\"event_type\":\"incident.triggered\"}}")).isEqualTo(EvidenceKind.ALERT);
        assertThat(sniff("[{\"ts\":\"1.2\",\"text\":\"hi\"}]")).isEqualTo(EvidenceKind.CHAT);
        assertThat(sniff("{\"action\":\"created\",\"deployment\":{}}")).isEqualTo(EvidenceKind.DEPLOY);
        assertThat(sniff("{\"data\":{\"resultType\":\"matrix\"}}")).isEqualTo(EvidenceKind.METRIC);
        assertThat(sniff("{\"level\":\"info\",\"msg\":\"started\"}")).isNull();
        assertThat(sniff("2026-01-01 INFO started")).isNull();
    }

    @Test
    void readsTimesInTheirManyForms() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(Times.parse("2020-02-06T00:17:58.432911368Z", paris)).hasToString("2020-02-06T00:17:58.432911368Z");
        assertThat(Times.parse("2019-05-15T15:20:55+00:00", paris)).hasToString("2019-05-15T15:20:55Z");
        assertThat(Times.parse("2026-03-02 10:00:01,250", paris)).hasToString("2026-03-02T09:00:01.250Z");
        assertThat(Times.parse("2026-03-02", paris)).hasToString("2026-03-01T23:00:00Z");
        assertThat(Times.parse("1502709956288", paris)).hasToString("2017-08-14T11:25:56.288Z");
        assertThat(Times.parse("1502709956288000110", paris)).hasToString("2017-08-14T11:25:56.288000110Z");
        assertThat(Times.parse("1498401043.277604", paris)).hasToString("2017-06-25T14:30:43.277604Z");
        assertThat(Times.parse("0001-01-01T00:00:00Z", paris)).isNull();
        assertThat(Times.parse("yesterday", paris)).isNull();
        assertThat(Times.parse("  ", paris)).isNull();
    }

    private static EvidenceKind sniff(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return SourceParsers.sniff(bytes, bytes.length);
    }
}
