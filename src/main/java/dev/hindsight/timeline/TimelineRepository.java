package dev.hindsight.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes timeline curation, manual entries, notes and statements with explicit SQL. */
@Repository
class TimelineRepository {

    static final String SOURCE = "SOURCE";
    static final String MANUAL = "MANUAL";
    static final String STATEMENT = "STATEMENT";

    private final JdbcClient jdbc;

    TimelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored entry; {@code id} 0 and {@code version} 0 stand for a source event nobody has curated yet. */
    record EntryRow(
            long id,
            long incidentId,
            String origin,
            Long evidenceId,
            Integer seq,
            Long statementId,
            EntryStatus status,
            OffsetDateTime occurredAt,
            String body,
            KeyMoment keyMoment,
            Long mergedInto,
            String createdBy,
            int version) {

        EntryRow withStatus(EntryStatus s) {
            return new EntryRow(
                    id,
                    incidentId,
                    origin,
                    evidenceId,
                    seq,
                    statementId,
                    s,
                    occurredAt,
                    body,
                    keyMoment,
                    mergedInto,
                    createdBy,
                    version);
        }

        EntryRow withBody(String b, OffsetDateTime at) {
            return new EntryRow(
                    id,
                    incidentId,
                    origin,
                    evidenceId,
                    seq,
                    statementId,
                    status,
                    at,
                    b,
                    keyMoment,
                    mergedInto,
                    createdBy,
                    version);
        }

        EntryRow withKeyMoment(KeyMoment m) {
            return new EntryRow(
                    id,
                    incidentId,
                    origin,
                    evidenceId,
                    seq,
                    statementId,
                    status,
                    occurredAt,
                    body,
                    m,
                    mergedInto,
                    createdBy,
                    version);
        }

        EntryRow withMergedInto(Long target) {
            return new EntryRow(
                    id,
                    incidentId,
                    origin,
                    evidenceId,
                    seq,
                    statementId,
                    status,
                    occurredAt,
                    body,
                    keyMoment,
                    target,
                    createdBy,
                    version);
        }

        EntryRef ref() {
            return SOURCE.equals(origin) ? EntryRef.source(evidenceId, seq) : EntryRef.manual(id);
        }
    }

    List<EntryRow> entries(long incidentId) {
        return jdbc.sql("select * from timeline_entries where incident_id = ? order by id")
                .param(incidentId)
                .query(TimelineRepository::entry)
                .list();
    }

    long insert(EntryRow row, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into timeline_entries (incident_id, origin, evidence_id, seq, statement_id, status,"
                        + " occurred_at, body, key_moment, merged_into, created_by, created_at, updated_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
                .params(
                        row.incidentId(),
                        row.origin(),
                        row.evidenceId(),
                        row.seq(),
                        row.statementId(),
                        row.status().name(),
                        row.occurredAt(),
                        row.body(),
                        row.keyMoment() == null ? null : row.keyMoment().name(),
                        row.mergedInto(),
                        row.createdBy(),
                        now,
                        now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Updates when the stored version is {@code expectedVersion}; returns false (changing nothing) otherwise. */
    boolean update(EntryRow row, int expectedVersion, OffsetDateTime now) {
        return jdbc.sql("update timeline_entries set status = ?, occurred_at = ?, body = ?, key_moment = ?,"
                                + " merged_into = ?, updated_at = ?, version = version + 1"
                                + " where id = ? and version = ?")
                        .params(
                                row.status().name(),
                                row.occurredAt(),
                                row.body(),
                                row.keyMoment() == null ? null : row.keyMoment().name(),
                                row.mergedInto(),
                                now,
                                row.id(),
                                expectedVersion)
                        .update()
                == 1;
    }

    Optional<Integer> version(long entryId) {
        return jdbc.sql("select version from timeline_entries where id = ?")
                .param(entryId)
                .query(Integer.class)
                .optional();
    }

    /** Takes {@code moment} away from the incident's other entries; returns how many lost it. */
    int clearMoment(long incidentId, KeyMoment moment, long exceptId, OffsetDateTime now) {
        return jdbc.sql("update timeline_entries set key_moment = null, updated_at = ?, version = version + 1"
                        + " where incident_id = ? and key_moment = ? and id <> ?")
                .params(now, incidentId, moment.name(), exceptId)
                .update();
    }

    Map<Long, List<Note>> notes(long incidentId) {
        Map<Long, List<Note>> notes = new HashMap<>();
        jdbc.sql("select n.* from timeline_notes n join timeline_entries e on e.id = n.entry_id"
                        + " where e.incident_id = ? order by n.written_at, n.id")
                .param(incidentId)
                .query((ResultSet rs) -> {
                    notes.computeIfAbsent(rs.getLong("entry_id"), k -> new ArrayList<>())
                            .add(new Note(
                                    rs.getLong("id"),
                                    rs.getString("author"),
                                    rs.getString("body"),
                                    rs.getObject("written_at", OffsetDateTime.class)));
                });
        return notes;
    }

    void insertNote(long entryId, String author, String body, OffsetDateTime now) {
        jdbc.sql("insert into timeline_notes (entry_id, author, body, written_at) values (?, ?, ?, ?)")
                .params(entryId, author, body, now)
                .update();
    }

    /** Statement values validated by {@link IncidentTimeline}. */
    record StatementRow(long id, String author, String body, OffsetDateTime writtenAt, int version) {}

    List<Statement> statements(long incidentId) {
        List<StatementRow> rows = jdbc.sql("select * from timeline_statements where incident_id = ? order by id")
                .param(incidentId)
                .query((rs, n) -> new StatementRow(
                        rs.getLong("id"),
                        rs.getString("author"),
                        rs.getString("body"),
                        rs.getObject("written_at", OffsetDateTime.class),
                        rs.getInt("version")))
                .list();
        Map<Long, List<OffsetDateTime>> times = new LinkedHashMap<>();
        jdbc.sql("select t.* from timeline_statement_times t join timeline_statements s on s.id = t.statement_id"
                        + " where s.incident_id = ? order by t.statement_id, t.position")
                .param(incidentId)
                .query((ResultSet rs) -> {
                    times.computeIfAbsent(rs.getLong("statement_id"), k -> new ArrayList<>())
                            .add(rs.getObject("referred_at", OffsetDateTime.class));
                });
        Map<Long, List<String>> links = new LinkedHashMap<>();
        jdbc.sql("select l.* from timeline_statement_links l join timeline_statements s on s.id = l.statement_id"
                        + " where s.incident_id = ? order by l.statement_id, l.entry_ref")
                .param(incidentId)
                .query((ResultSet rs) -> {
                    links.computeIfAbsent(rs.getLong("statement_id"), k -> new ArrayList<>())
                            .add(rs.getString("entry_ref"));
                });
        Map<Long, Long> entries = new HashMap<>();
        jdbc.sql("select id, statement_id from timeline_entries where incident_id = ? and statement_id is not null")
                .param(incidentId)
                .query((ResultSet rs) -> {
                    entries.put(rs.getLong("statement_id"), rs.getLong("id"));
                });
        return rows.stream()
                .map(r -> new Statement(
                        r.id(),
                        r.author(),
                        r.body(),
                        List.copyOf(times.getOrDefault(r.id(), List.of())),
                        List.copyOf(links.getOrDefault(r.id(), List.of())),
                        entries.containsKey(r.id())
                                ? EntryRef.manual(entries.get(r.id())).toString()
                                : null,
                        r.writtenAt(),
                        r.version()))
                .toList();
    }

    long insertStatement(
            long incidentId,
            long authorId,
            String author,
            String body,
            List<OffsetDateTime> times,
            OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into timeline_statements (incident_id, author_id, author, body, written_at, updated_at,"
                        + " version) values (?, ?, ?, ?, ?, ?, 1)")
                .params(incidentId, authorId, author, body, now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (int i = 0; i < times.size(); i++) {
            jdbc.sql("insert into timeline_statement_times (statement_id, position, referred_at) values (?, ?, ?)")
                    .params(id, i, times.get(i))
                    .update();
        }
        return id;
    }

    /** Replaces the statement's links when its version is {@code expectedVersion}; false (nothing changed) otherwise. */
    boolean replaceLinks(long statementId, List<String> refs, int expectedVersion, OffsetDateTime now) {
        boolean updated = jdbc.sql("update timeline_statements set updated_at = ?, version = version + 1"
                                + " where id = ? and version = ?")
                        .params(now, statementId, expectedVersion)
                        .update()
                == 1;
        if (updated) {
            jdbc.sql("delete from timeline_statement_links where statement_id = ?")
                    .param(statementId)
                    .update();
            insertLinks(statementId, refs);
        }
        return updated;
    }

    void insertLinks(long statementId, List<String> refs) {
        for (String ref : refs) {
            jdbc.sql("insert into timeline_statement_links (statement_id, entry_ref) values (?, ?)")
                    .params(statementId, ref)
                    .update();
        }
    }

    private static EntryRow entry(ResultSet rs, int n) throws SQLException {
        String moment = rs.getString("key_moment");
        return new EntryRow(
                rs.getLong("id"),
                rs.getLong("incident_id"),
                rs.getString("origin"),
                rs.getObject("evidence_id", Long.class),
                rs.getObject("seq", Integer.class),
                rs.getObject("statement_id", Long.class),
                EntryStatus.valueOf(rs.getString("status")),
                rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("body"),
                moment == null ? null : KeyMoment.valueOf(moment),
                rs.getObject("merged_into", Long.class),
                rs.getString("created_by"),
                rs.getInt("version"));
    }
}
