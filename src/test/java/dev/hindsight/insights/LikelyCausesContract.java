package dev.hindsight.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.analysis.FactorForm;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.catalog.ServiceCatalog;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Likely causes from history, on a database of its own (the property gives this class its own Spring context), so
 * the counts below are exactly the cases it creates.
 */
@SpringBootTest(properties = "hindsight.test.context=likely-causes")
@ActiveProfiles("test")
abstract class LikelyCausesContract {

    @Autowired
    LikelyCauses likelyCauses;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    RootCauseAnalysis analysis;

    @Autowired
    ServiceCatalog catalog;

    @Autowired
    Accounts accounts;

    Incident past(
            Actor actor, String title, String visibility, List<String> services, List<String> tags, String category) {
        Incident incident = incidents.create(
                actor, IncidentFixtures.with(IncidentFixtures.sev2(title), "SEV2", visibility, services, tags));
        analysis.add(
                actor,
                incident.id(),
                new FactorForm("contributing_factor", title + " factor", category, null, null, null));
        return incident;
    }

    @Test
    void ranksCategoriesFromPastIncidentsThatTheReaderMaySee() {
        Actor admin = TestUsers.admin(accounts);
        Actor editor = TestUsers.create(accounts, "editor");
        Actor outsider = TestUsers.create(accounts, "editor");
        catalog.create(admin, "svc-a", null, null);
        catalog.create(admin, "svc-b", null, null);
        Incident first = past(editor, "A1", "normal", List.of("svc-a"), List.of("t1"), "configuration");
        past(editor, "A2", "normal", List.of("svc-a"), List.of(), "configuration");
        past(editor, "B1", "normal", List.of("svc-b"), List.of("t1"), "capacity");
        past(editor, "B2", "normal", List.of("svc-b"), List.of(), "capacity");
        past(editor, "Hidden", "restricted", List.of("svc-a"), List.of(), "capacity");
        Incident now = incidents.create(
                outsider,
                IncidentFixtures.with(IncidentFixtures.sev2("Now"), "SEV2", null, List.of("svc-a"), List.of()));

        LikelyCauses.Report report = likelyCauses.rank(outsider, now.id());

        // The outsider sees 4 cases. Beta(1,1) prior: P(configuration) = (2+1)/(4+2) = 0.5;
        // P(svc-a | configuration) = (2+1)/(2+2) = 0.75, P(svc-a | not configuration) = (0+1)/(2+2) = 0.25,
        // so P(configuration | svc-a) = 0.5*0.75 / (0.5*0.75 + 0.5*0.25) = 0.75, and capacity the mirror image, 0.25.
        assertThat(report.casesUsed()).isEqualTo(4);
        assertThat(report.observed()).containsExactly("service:svc-a");
        LikelyCause top = report.causes().get(0);
        assertThat(top.category()).isEqualTo("configuration");
        assertThat(top.posterior()).isCloseTo(0.75, within(1e-9));
        assertThat(top.prior()).isCloseTo(0.5, within(1e-9));
        assertThat(top.lift()).isCloseTo(1.5, within(1e-9));
        assertThat(top.supportingIncidents())
                .extracting(LikelyCause.PastIncident::key)
                .contains(first.key());
        assertThat(report.causes().get(1).category()).isEqualTo("capacity");
        assertThat(report.causes().get(1).posterior()).isCloseTo(0.25, within(1e-9));

        LikelyCauses.Report seenByAdmin = likelyCauses.rank(admin, now.id());
        assertThat(seenByAdmin.casesUsed())
                .as("the restricted incident counts only for those who may see it")
                .isEqualTo(5);
    }
}
