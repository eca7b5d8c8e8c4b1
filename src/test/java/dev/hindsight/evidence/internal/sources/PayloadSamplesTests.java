package dev.hindsight.evidence.internal.sources;

import static dev.hindsight.evidence.EvidenceEventKind.ALERT_FIRING;
import static dev.hindsight.evidence.EvidenceEventKind.ALERT_RESOLVED;
import static dev.hindsight.evidence.EvidenceEventKind.CHAT_MESSAGE;
import static dev.hindsight.evidence.EvidenceEventKind.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.evidence.EvidenceEventKind;
import dev.hindsight.evidence.EvidenceKind;
import dev.hindsight.evidence.internal.EventDraft;
import dev.hindsight.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every sample in ../shared/data/payloads, read as the kind it is, with what comes out of it. */
class PayloadSamplesTests {

    static final Instant RECEIVED = Instant.parse("2026-03-02T12:00:00Z");

    static SourceParsers.Result parse(EvidenceKind kind, String file) {
        return parse(kind, null, file);
    }

    static SourceParsers.Result parse(EvidenceKind kind, String format, String file) {
        try (InputStream in = Files.newInputStream(SharedData.require("payloads/" + file))) {
            return SourceParsers.parse(kind, format, in, ZoneId.of("UTC"), RECEIVED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertEvents(SourceParsers.Result result, int count, EvidenceEventKind... kinds) {
        assertThat(result.events()).hasSize(count);
        assertThat(result.summary().events()).isEqualTo(count);
        assertThat(result.events()).extracting(EventDraft::kind).containsOnly(kinds);
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    // Alertmanager

    @Test
    void readsAnAlertmanagerGroupWithoutAlerts() {
        var result = parse(EvidenceKind.ALERT, "alertmanager/prometheus-alertmanager__exec_testdata_scope.json");

        assertThat(result.events()).isEmpty();
        assertThat(result.summary().format()).isEqualTo("alertmanager");
        assertThat(result.summary().items()).isEqualTo(1);
        assertThat(result.summary().unparsed()).isZero();
    }

    @Test
    void readsAnAlertWithoutAlertnameStartingAtTheEpoch() {
        var result = parse(EvidenceKind.ALERT, "alertmanager/prometheus-alertmanager__exec_testdata_success.json");

        assertEvents(result, 1, ALERT_FIRING);
        EventDraft e = result.events().getFirst();
        assertThat(e.at()).isEqualTo(Instant.EPOCH);
        assertThat(e.title()).isEqualTo("Alert {Message=message}");
        assertThat(e.attributes()).containsEntry("status", "firing").doesNotContainKey("alertname");
    }

    @Test
    void readsAnAlertmanagerPayloadWithNanosecondsAndANegativeOffset() {
        var result = parse(EvidenceKind.ALERT, "alertmanager/prometheus-msteams__prom_post_request.json");

        assertEvents(result, 1, ALERT_FIRING);
        EventDraft e = result.events().getFirst();
        assertThat(e.at()).isEqualTo(at("2018-03-07T06:33:21.873077559-05:00"));
        assertThat(e.at()).hasToString("2018-03-07T11:33:21.873077559Z");
        assertThat(e.title())
                .isEqualTo("high_memory_load {instance=instance-with-hyphen_and_underscore, job=docker_nodes, "
                        + "monitor=master, severity=warning}");
        assertThat(e.attributes())
                .containsEntry("alertname", "high_memory_load")
                .containsEntry("severity", "warning")
                .containsEntry("service", "docker_nodes")
                .containsEntry("source", "alertmanager");
        assertThat(e.detail()).contains("10.80.40.11 reported high memory usage");
        assertThat(e.firstLine()).isEqualTo(1);
        assertThat(e.lastLine()).isEqualTo(36);
    }

    @Test
    void readsTwelveAlertsOfOneGroup() {
        var result = parse(EvidenceKind.ALERT, "alertmanager/prometheus-msteams__prom_post_request_12_alerts.json");

        assertEvents(result, 12, ALERT_FIRING);
        assertThat(result.events().getFirst().at()).isEqualTo(at("2018-03-07T06:33:21.873077559-05:00"));
        assertThat(result.events())
                .extracting(e -> e.attributes().get("alertname"))
                .contains("high_memory_load", "high_memory_load2", "high_memory_load3");
    }

    @Test
    void readsPrometheusBotsNonStandardPayload() {
        var result = parse(EvidenceKind.ALERT, "alertmanager/prometheus_bot__production_example.json");

        assertEvents(result, 10, ALERT_FIRING);
        EventDraft first = result.events().getFirst();
        assertThat(first.at()).isEqualTo(at("2017-01-26T08:14:46.804-05:00"));
        assertThat(first.title()).startsWith("Memory_aviable_Warning {");
        assertThat(first.attributes()).containsEntry("severity", "Warning").containsEntry("service", "statsd");
        assertThat(result.events())
                .anySatisfy(e -> assertThat(e.detail()).contains("❤️"))
                .allSatisfy(e -> assertThat(e.attributes()).containsKey("url"));
    }

    @Test
    void readsTwoFiringAlertsFromZulip() {
        var result = parse(EvidenceKind.ALERT, "alertmanager/zulip__alert.json");

        assertEvents(result, 2, ALERT_FIRING);
        assertThat(result.events().getFirst().at()).hasToString("2020-02-06T00:17:58.432911368Z");
        assertThat(result.events().getFirst().title())
                .isEqualTo("High CPU Temperature {host=andromeda, severity=critical}");
        assertThat(result.events().getFirst().attributes()).containsEntry("severity", "critical");
    }

    @Test
    void readsAResolvedAlertWithoutEndTimeAtItsStart() {
        var result = parse(EvidenceKind.ALERT, "alertmanager/zulip__single_alert.json");

        assertEvents(result, 1, ALERT_RESOLVED);
        assertThat(result.events().getFirst().at()).hasToString("2020-02-06T00:17:58.432911368Z");
        assertThat(result.events().getFirst().attributes()).containsEntry("status", "resolved");
    }

    // Grafana

    @Test
    void readsGrafanaUnifiedAlertingWithThreeAlerts() {
        var result = parse(EvidenceKind.ALERT, "grafana/zulip__alert-9-multiple.json");

        assertEvents(result, 3, ALERT_FIRING);
        assertThat(result.summary().format()).isEqualTo("grafana");
        EventDraft first = result.events().getFirst();
        assertThat(first.at()).hasToString("2022-06-17T01:03:00.782137894Z");
        assertThat(first.title()).isEqualTo("Second webhook test {test=true}");
        assertThat(first.attributes())
                .containsEntry("url", "https://grafana.example.com/alerting/grafana/_0rkK_C7z/view")
                .containsEntry("source", "grafana");
        assertThat(result.events().get(1).detail()).contains("value=17");
    }

    @Test
    void readsGrafanaEleventValuesPayload() {
        var result = parse(EvidenceKind.ALERT, "grafana/zulip__alert_values_v11.json");

        assertEvents(result, 1, ALERT_FIRING);
        assertThat(result.events().getFirst().at()).isEqualTo(Instant.parse("2024-03-01T02:09:00Z"));
        assertThat(result.events().getFirst().title()).isEqualTo("Memory (copy) {debug=true, grafana_folder=device}");
        assertThat(result.events().getFirst().detail()).contains("High memory usage");
    }

    @Test
    void readsGrafanaLegacyAlertAtTheTimeItWasReceived() {
        var result = parse(EvidenceKind.ALERT, "grafana/zulip__alert_legacy.json");

        assertEvents(result, 1, ALERT_FIRING);
        EventDraft e = result.events().getFirst();
        assertThat(e.at()).isEqualTo(RECEIVED);
        assertThat(e.title()).isEqualTo("Test rule {High value=100, Higher Value=200}");
        assertThat(e.attributes())
                .containsEntry("time", "received")
                .containsEntry("status", "alerting")
                .containsEntry("alertname", "Test rule");
    }

    @Test
    void readsGrafanaDocumentationExampleWithPlusTwoHours() {
        var result = parse(EvidenceKind.ALERT, "grafana/grafana-docs__webhook-notifier_example.json");

        assertEvents(result, 2, ALERT_FIRING);
        assertThat(result.events().getFirst().at()).hasToString("2021-10-12T07:51:03.157076Z");
        assertThat(result.events().getFirst().title()).isEqualTo("High memory usage {team=blue, zone=us-1}");
    }

    // PagerDuty

    @Test
    void readsPagerDutyTriggeredIncident() {
        var result = parse(EvidenceKind.ALERT, "pagerduty/zulip__triggered_v3.json");

        assertEvents(result, 1, ALERT_FIRING);
        EventDraft e = result.events().getFirst();
        assertThat(e.at()).isEqualTo(Instant.parse("2021-06-04T13:35:29.781Z"));
        assertThat(e.title()).isEqualTo("Test Incident 3 (triggered)");
        assertThat(e.attributes())
                .containsEntry("status", "triggered")
                .containsEntry("severity", "high")
                .containsEntry("service", "pig208")
                .containsEntry("url", "https://pig208.pagerduty.com/incidents/PFQZPSY");
    }

    @Test
    void readsPagerDutyResolvedAsResolved() {
        var result = parse(EvidenceKind.ALERT, "pagerduty/zulip__resolved_v3.json");

        assertEvents(result, 1, ALERT_RESOLVED);
        assertThat(result.events().getFirst().at()).isEqualTo(Instant.parse("2021-06-04T13:16:53.816Z"));
        assertThat(result.events().getFirst().title()).isEqualTo("Test Incident (resolved)");
    }

    @Test
    void readsTheOtherPagerDutyEventsAsUpdatesOfAFiringAlert() {
        record Case(String file, String status, String at) {}
        List<Case> cases = List.of(
                new Case("pagerduty/zulip__acknowledged_v3.json", "acknowledged", "2021-06-04T13:55:30.394Z"),
                new Case("pagerduty/zulip__escalate_v3.json", "escalated", "2026-04-01T02:08:04.642Z"),
                new Case("pagerduty/zulip__priority_updated_v3.json", "priority_updated", "2026-04-01T02:15:36.315Z"),
                new Case("pagerduty/zulip__annotated_v3.json", "annotated", "2026-04-01T02:18:59.674Z"),
                new Case(
                        "pagerduty/zulip__status_updated_v3.json",
                        "status_update_published",
                        "2026-04-01T02:17:41.211Z"),
                new Case(
                        "pagerduty/pagerduty-developer-docs__v3_overview_example.json",
                        "priority_updated",
                        "2020-10-02T18:45:22.169Z"));
        for (Case c : cases) {
            var result = parse(EvidenceKind.ALERT, c.file());
            assertEvents(result, 1, ALERT_FIRING);
            assertThat(result.events().getFirst().at()).as(c.file()).isEqualTo(Instant.parse(c.at()));
            assertThat(result.events().getFirst().attributes())
                    .as(c.file())
                    .containsEntry("status", c.status())
                    .containsEntry("source", "pagerduty");
        }
        assertThat(parse(EvidenceKind.ALERT, "pagerduty/zulip__escalate_v3.json")
                        .events()
                        .getFirst()
                        .attributes())
                .containsEntry("priority", "P1")
                .containsEntry("alertname", "Critical: Checkout API High Latency");
        assertThat(parse(EvidenceKind.ALERT, "pagerduty/zulip__annotated_v3.json")
                        .events()
                        .getFirst()
                        .detail())
                .isNotBlank();
    }

    // Opsgenie

    @Test
    void readsOpsgenieCreateAtItsMillisecondTime() {
        var result = parse(EvidenceKind.ALERT, "opsgenie/zulip__create.json");

        assertEvents(result, 1, ALERT_FIRING);
        EventDraft e = result.events().getFirst();
        assertThat(e.at()).isEqualTo(Instant.ofEpochMilli(1502709956288L));
        assertThat(e.title()).isEqualTo("another alert (create)");
        assertThat(e.attributes())
                .containsEntry("severity", "P3")
                .containsEntry("tags", "vip")
                .containsEntry("author", "test@example.com");
    }

    @Test
    void readsOpsgenieUpdatesAtTheirNanosecondTimeExactly() {
        var acknowledged = parse(EvidenceKind.ALERT, "opsgenie/zulip__acknowledge.json");
        var closed = parse(EvidenceKind.ALERT, "opsgenie/zulip__close.json");

        assertEvents(acknowledged, 1, ALERT_FIRING);
        assertThat(acknowledged.events().getFirst().at()).isEqualTo(Instant.ofEpochSecond(1420452224L, 764002246));
        assertThat(acknowledged.events().getFirst().attributes()).containsEntry("status", "acknowledge");
        assertEvents(closed, 1, ALERT_RESOLVED);
        assertThat(closed.events().getFirst().at()).isEqualTo(Instant.ofEpochSecond(1420452374L, 669001603));
        assertThat(closed.events().getFirst().title()).isEqualTo("test alert (close)");
    }

    @Test
    void readsOpsgenieEscalationWithoutMessageOrTimeAsReceived() {
        var result = parse(EvidenceKind.ALERT, "opsgenie/zulip__escalate.json");

        assertEvents(result, 1, ALERT_FIRING);
        EventDraft e = result.events().getFirst();
        assertThat(e.at()).isEqualTo(RECEIVED);
        assertThat(e.title()).isEqualTo("Opsgenie alert 7ba97e3a-d328-4b5e-8f9a-39e945a3869a (escalate)");
        assertThat(e.attributes()).containsEntry("escalation", "test_esc").containsEntry("time", "received");
    }

    // Slack

    @Test
    void readsASlackDayExportWithAJoinMessage() {
        var result = parse(EvidenceKind.CHAT, "slack/zulip__export_random_2017-06-25.json");

        assertEvents(result, 2, CHAT_MESSAGE);
        EventDraft join = result.events().getFirst();
        assertThat(join.at()).isEqualTo(Instant.ofEpochSecond(1498401043L, 277_604_000));
        assertThat(join.at().atZone(ZoneId.of("UTC"))).hasToString("2017-06-25T14:30:43.277604Z[UTC]");
        assertThat(join.attributes()).containsEntry("subtype", "channel_join").doesNotContainKey("signal");
        assertThat(result.events().get(1).title()).isEqualTo("U6006P1CN: edfadfa");
        assertThat(result.events().get(1).firstLine()).isEqualTo(9);
    }

    @Test
    void readsThreadsWhoseRepliesComeBeforeTheirParents() {
        var result = parse(EvidenceKind.CHAT, "slack/zulip__export_normal_thread.json");

        assertEvents(result, 4, CHAT_MESSAGE);
        assertThat(result.events().getFirst().at()).isEqualTo(Instant.ofEpochSecond(1434139102L, 2_000));
        assertThat(result.events())
                .extracting(EventDraft::title)
                .containsExactly(
                        "U061A5N1G: message body text",
                        "U061A5N1G: random",
                        "U061A1R2R: another reply",
                        "U061A1R2R: another thread message");
        assertThat(result.events().get(2).attributes())
                .containsEntry("reply", "true")
                .containsEntry("thread", "1539868294.000007")
                .containsEntry("channel", "random");
        assertThat(result.events().get(3).attributes()).doesNotContainKey("reply");
    }

    @Test
    void countsAChannelListAsUnparsedWithExamples() {
        var result = parse(EvidenceKind.CHAT, "slack/zulip__export_channels.json");

        assertThat(result.events()).isEmpty();
        assertThat(result.summary().unparsed()).isEqualTo(4);
        assertThat(result.summary().unparsedExamples().getFirst()).contains("channel list entry (random)");
    }

    @Test
    void readsOneMessageWithBlocksAndItsAuthorsName() {
        var result = parse(EvidenceKind.CHAT, "slack/zulip__export_message_with_varying_block_types.json");

        assertEvents(result, 1, CHAT_MESSAGE);
        EventDraft e = result.events().getFirst();
        assertThat(e.at()).isEqualTo(Instant.ofEpochSecond(1776874317L, 427_959_000));
        assertThat(e.title()).startsWith("Peter: Hello there, I am a basic rich text block!");
        assertThat(e.attributes()).containsEntry("author", "Peter").containsEntry("user", "U06NU4E26M9");
    }

    // GitHub

    @Test
    void readsADeploymentWebhook() {
        var result = parse(EvidenceKind.DEPLOY, "github/deployment__payload.json");

        assertEvents(result, 1, DEPLOY);
        assertThat(result.summary().format()).isEqualTo("github");
        EventDraft e = result.events().getFirst();
        assertThat(e.at()).isEqualTo(Instant.parse("2019-05-15T15:20:53Z"));
        assertThat(e.title()).isEqualTo("Deploy Codertocat/Hello-World master (f95f852) to production: created");
        assertThat(e.attributes())
                .containsEntry("environment", "production")
                .containsEntry("sha", "f95f852bd8fca8fcc58a9a2d6c842781e32a215e")
                .containsEntry("author", "Codertocat")
                .containsEntry("service", "Hello-World");
    }

    @Test
    void readsTheOtherDeploymentWebhooks() {
        record Case(String file, String status, String at, String environment) {}
        List<Case> cases = List.of(
                new Case(
                        "github/deployment__with-installation.payload.json",
                        "created",
                        "2019-05-15T15:20:53Z",
                        "production"),
                new Case("github/deployment__gh-pages.payload.json", "created", "2022-01-03T01:28:30Z", "github-pages"),
                new Case("github/deployment_status__payload.json", "success", "2019-05-15T15:20:55Z", "production"),
                new Case(
                        "github/deployment_status__with-installation.payload.json",
                        "success",
                        "2019-05-15T15:20:55Z",
                        "production"),
                new Case(
                        "github/deployment_status__gh-pages.payload.json",
                        "in_progress",
                        "2022-01-03T01:28:40Z",
                        "github-pages"),
                new Case(
                        "github/workflow_job__queued.with-deployment.payload.json",
                        "waiting",
                        "2023-04-19T21:12:12Z",
                        "Test"));
        for (Case c : cases) {
            var result = parse(EvidenceKind.DEPLOY, c.file());
            assertEvents(result, 1, DEPLOY);
            EventDraft e = result.events().getFirst();
            assertThat(e.at()).as(c.file()).isEqualTo(Instant.parse(c.at()));
            assertThat(e.attributes())
                    .as(c.file())
                    .containsEntry("status", c.status())
                    .containsEntry("environment", c.environment());
            assertThat(e.title()).as(c.file()).endsWith("to " + c.environment() + ": " + c.status());
        }
    }

    @Test
    void countsGithubWebhooksWithoutADeploymentAsUnparsed() {
        for (String file : List.of(
                "github/check_run__completed.payload.json",
                "github/status__payload.json",
                "github/workflow_run__completed.payload.json",
                "github/deployment_review__requested.payload.json")) {
            var result = parse(EvidenceKind.DEPLOY, file);
            assertThat(result.events()).as(file).isEmpty();
            assertThat(result.summary().unparsed()).as(file).isEqualTo(1);
            assertThat(result.summary().unparsedExamples().getFirst())
                    .as(file)
                    .contains("GitHub payload without a deployment");
        }
    }

    @Test
    void countsAPayloadOfTheWrongFormatAsUnparsed() {
        var result = parse(EvidenceKind.ALERT, "pagerduty", "opsgenie/zulip__create.json");

        assertThat(result.events()).isEmpty();
        assertThat(result.summary().unparsed()).isEqualTo(1);
        assertThat(result.summary().unparsedExamples().getFirst()).contains("not a pagerduty payload");
    }
}
