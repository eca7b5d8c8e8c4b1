package dev.hindsight.evidence;

import dev.hindsight.incident.IncidentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes evidence records with explicit SQL. */
@Repository
class EvidenceRepository {

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Evidence e) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into evidence (incident_id, name, kind, format, size_bytes, sha256, uploaded_by,
                            uploaded_at, time_zone, clock_offset_seconds, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        e.incident().value(),
                        e.name(),
                        e.kind().label(),
                        e.format(),
                        e.size(),
                        e.sha256(),
                        e.uploadedBy(),
                        e.uploadedAt(),
                        e.zone(),
                        e.clockOffsetSeconds(),
                        e.status())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(Evidence e) {
        jdbc.sql("""
                        update evidence set kind = ?, format = ?, time_zone = ?, clock_offset_seconds = ?
                        where id = ?""")
                .params(e.kind().label(), e.format(), e.zone(), e.clockOffsetSeconds(), e.id())
                .update();
    }

    Optional<Evidence> find(long incidentId, long id) {
        return jdbc.sql("select * from evidence where incident_id = ? and id = ?")
                .params(incidentId, id)
                .query(EvidenceRepository::map)
                .optional();
    }

    Optional<Evidence> findBySha256(long incidentId, String sha256) {
        return jdbc.sql("select * from evidence where incident_id = ? and sha256 = ?")
                .params(incidentId, sha256)
                .query(EvidenceRepository::map)
                .optional();
    }

    List<Evidence> list(long incidentId) {
        return jdbc.sql("select * from evidence where incident_id = ? order by uploaded_at, id")
                .param(incidentId)
                .query(EvidenceRepository::map)
                .list();
    }

    private static Evidence map(ResultSet rs, int row) throws SQLException {
        return new Evidence(
                rs.getLong("id"),
                new IncidentId(rs.getLong("incident_id")),
                rs.getString("name"),
                EvidenceKind.parse(rs.getString("kind")).orElse(EvidenceKind.OTHER),
                rs.getString("format"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class),
                rs.getString("time_zone"),
                rs.getInt("clock_offset_seconds"),
                rs.getString("status"));
    }
}
