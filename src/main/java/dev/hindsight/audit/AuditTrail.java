package dev.hindsight.audit;

import dev.hindsight.shared.Actor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Records and lists audit entries. Recording joins the caller's transaction: no change without its entry. */
@Service
public class AuditTrail {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditTrail(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Records that {@code actor} did {@code action} to the incident; {@code changes} may be empty, never null. Publishes
     * {@link AuditRecorded} in the same transaction when the entry is about an incident.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long incidentId, Actor actor, String action, String summary, List<FieldChange> changes) {
        jdbc.sql("""
                        insert into audit_events (incident_id, occurred_at, actor, action, summary, changes)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        incidentId,
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        actor.username(),
                        action,
                        summary.length() > 500 ? summary.substring(0, 497) + "..." : summary,
                        json.writeValueAsString(changes))
                .update();
        if (incidentId != null) {
            events.publishEvent(new AuditRecorded(incidentId, action));
        }
    }

    /** The incident's entries, newest first. */
    public List<AuditEntry> forIncident(long incidentId) {
        return jdbc.sql("select * from audit_events where incident_id = ? order by occurred_at desc, id desc")
                .param(incidentId)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getLong("incident_id"),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("summary"),
                        rs.getString("changes") == null ? List.of() : json.readValue(rs.getString("changes"), CHANGES)))
                .list();
    }
}
