package dev.hindsight.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.User;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentFilter;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.PageRequest;
import dev.hindsight.shared.Actor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo dataset's checkout incident comes with a curated timeline and a statement. */
@SpringBootTest(properties = "hindsight.demo-data=true")
@ActiveProfiles("test")
class TimelineDemoTests {

    @Autowired
    IncidentTimeline timeline;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    Accounts accounts;

    @Test
    void curatesTheCheckoutIncidentsTimelineFromItsGatewayLog() {
        User admin = accounts.findByUsername("admin").orElseThrow();
        Actor actor = new Actor(admin.id(), admin.username(), admin.role());
        Incident checkout = incidents
                .list(
                        actor,
                        new IncidentFilter(
                                List.of(), List.of(), null, null, null, null, null, "payments-gateway deploy"),
                        PageRequest.FIRST)
                .items()
                .getFirst();

        List<TimelineEntry> entries = timeline.entries(actor, checkout.id(), TimelineFilter.DEFAULT);

        assertThat(entries)
                .filteredOn(e -> e.status() == EntryStatus.ACCEPTED)
                .extracting(TimelineEntry::text)
                .anySatisfy(t -> assertThat(t).contains("Reloaded fraud rules"))
                .contains("Payments on-call rolls the fraud rules back to r4181");
        assertThat(entries).extracting(TimelineEntry::text).contains("Gateway starts declining cards from one issuer");
        assertThat(entries).anySatisfy(e -> assertThat(e.kind()).isEqualTo("STATEMENT"));
        assertThat(timeline.statements(actor, checkout.id())).singleElement().satisfies(s -> {
            assertThat(s.author()).isEqualTo("alice");
            assertThat(s.linkedEntries()).hasSize(1);
        });
    }
}
