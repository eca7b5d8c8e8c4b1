package dev.hindsight.timeline;

import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.evidence.EvidenceFixtures;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentForm;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import java.time.OffsetDateTime;

/** Timeline fixtures: an incident with key times around a two-line log (10:00:01 and 10:00:02 UTC). */
public final class TimelineFixtures {

    /** The incident started 10 minutes before the log's first line; detected 30 minutes after it started. */
    public static final OffsetDateTime STARTED = OffsetDateTime.parse("2026-03-02T09:50:00Z");

    public static final OffsetDateTime FIRST_LINE = OffsetDateTime.parse("2026-03-02T10:00:01Z");
    public static final OffsetDateTime SECOND_LINE = OffsetDateTime.parse("2026-03-02T10:00:02Z");

    private TimelineFixtures() {}

    /** Started 09:50, detected 10:20, acknowledged 10:30, mitigated 10:50, resolved 11:20 (UTC). */
    public static IncidentForm timedIncident(String title) {
        return IncidentFixtures.withTimes(title, STARTED, 30, 40, 60, 90);
    }

    /** Opens a timed incident and attaches a unique two-line log to it; returns the incident. */
    public static IncidentId incidentWithLog(
            IncidentManagement incidents, EvidenceCollection evidence, Actor editor, IncidentForm form) {
        IncidentId id = incidents.create(editor, form).id();
        evidence.attach(
                editor,
                id,
                EvidenceFixtures.named("checkout.log"),
                EvidenceFixtures.stream(EvidenceFixtures.logLines()));
        return id;
    }
}
