package dev.hindsight.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.analysis.FactorForm;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.evidence.EvidenceUpload;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Alerts found in evidence are symptoms the history model learns from; on a database of its own. */
@SpringBootTest(properties = "hindsight.test.context=likely-causes-evidence")
@ActiveProfiles("test")
abstract class LikelyCausesFromEvidenceContract {

    @Autowired
    LikelyCauses likelyCauses;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    RootCauseAnalysis analysis;

    @Autowired
    EvidenceCollection evidence;

    @Autowired
    Accounts accounts;

    Incident incident(Actor actor, String title, String category, String alertname) {
        Incident incident = incidents.create(actor, IncidentFixtures.sev2(title));
        if (category != null) {
            analysis.add(
                    actor,
                    incident.id(),
                    new FactorForm("contributing_factor", title + " factor", category, null, null, null));
        }
        if (alertname != null) {
            String payload = """
                    {"status":"firing","receiver":"r","alerts":[{"status":"firing","labels":{"alertname":"%s"},
                    "startsAt":"2026-03-02T10:00:00Z"}]}""".formatted(alertname);
            evidence.attach(
                    actor,
                    incident.id(),
                    new EvidenceUpload("alerts.json", "alert", null, null, null),
                    new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)));
        }
        return incident;
    }

    @Test
    void learnsFromAlertsThatFiredInPastIncidents() {
        Actor editor = TestUsers.create(accounts, "editor");
        incident(editor, "P1", "capacity", "DiskFull");
        incident(editor, "P2", "capacity", "DiskFull");
        incident(editor, "Q1", "configuration", null);
        incident(editor, "Q2", "configuration", "HighLatency");
        Incident now = incident(editor, "Now", null, "DiskFull");

        LikelyCauses.Report report = likelyCauses.rank(editor, now.id());

        // Four cases, prior 0.5 each; P(alert:DiskFull | capacity) = (2+1)/(2+2), P(... | configuration) = (0+1)/(2+2),
        // so P(capacity | alert:DiskFull) = 0.75.
        assertThat(report.casesUsed()).isEqualTo(4);
        assertThat(report.observed()).containsExactly("alert:DiskFull");
        assertThat(report.causes().get(0).category()).isEqualTo("capacity");
        assertThat(report.causes().get(0).posterior()).isCloseTo(0.75, within(1e-9));
    }
}
