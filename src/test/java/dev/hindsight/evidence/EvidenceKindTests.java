package dev.hindsight.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kind guessed from a file name when the person does not choose one. */
class EvidenceKindTests {

    @ParameterizedTest
    @CsvSource({
        "checkout-api.log, LOG",
        "syslog, LOG",
        "events.jsonl, LOG",
        "app.log.gz, OTHER",
        "pagerduty-alerts.json, ALERT",
        "slack-export.txt, CHAT",
        "deploys-2026-03-02.csv, DEPLOY",
        "latency-metrics.csv, METRIC",
        "on-call-statement.md, STATEMENT",
        "heap.hprof, OTHER"
    })
    void guessesTheKindFromTheFileName(String name, EvidenceKind expected) {
        assertThat(EvidenceKind.guess(name)).isEqualTo(expected);
    }

    @Test
    void parsesKindsInAnyCaseAndRefusesUnknownOnes() {
        assertThat(EvidenceKind.parse(" Chat ")).contains(EvidenceKind.CHAT);
        assertThat(EvidenceKind.parse("screenshot")).isEmpty();
        assertThat(EvidenceKind.LOG.requiresText()).isTrue();
        assertThat(EvidenceKind.OTHER.requiresText()).isFalse();
    }
}
