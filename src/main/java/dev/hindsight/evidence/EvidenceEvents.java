package dev.hindsight.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores and reads evidence events and parse summaries with explicit SQL; writes join the caller's transaction. */
@Repository
class EvidenceEvents {

    static final int CHUNK = 200;
    private static final String SEPARATOR = "\u001e";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EvidenceEvents(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Inserts the events in chunks of {@value #CHUNK}. */
    void save(long incidentId, List<EvidenceEvent> events) {
        for (int from = 0; from < events.size(); from += CHUNK) {
            insertChunk(incidentId, events.subList(from, Math.min(events.size(), from + CHUNK)));
        }
    }

    void insertChunk(long incidentId, List<EvidenceEvent> chunk) {
        List<Object[]> rows = new ArrayList<>(chunk.size());
        for (EvidenceEvent e : chunk) {
            rows.add(new Object[] {
                e.evidenceId(),
                e.seq(),
                incidentId,
                e.at(),
                e.kind().name(),
                clean(e.title(), 300),
                e.detail() == null ? null : clean(e.detail(), 4000),
                e.firstLine(),
                e.lastLine(),
                attributes(e.attributes())
            });
        }
        template.batchUpdate("""
                insert into evidence_events (evidence_id, seq, incident_id, at, kind, title, detail, first_line,
                    last_line, attributes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    void saveSummary(long evidenceId, ParseSummary summary) {
        jdbc.sql("""
                        insert into evidence_parses (evidence_id, detected_format, items, events, unparsed,
                            unparsed_examples)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        evidenceId,
                        clean(summary.format(), 40),
                        summary.items(),
                        summary.events(),
                        summary.unparsed(),
                        clean(String.join(SEPARATOR, summary.unparsedExamples()), 10_000))
                .update();
    }

    List<EvidenceEvent> list(long incidentId) {
        return jdbc.sql("select * from evidence_events where incident_id = ? order by at, evidence_id, seq")
                .param(incidentId)
                .query(EvidenceEvents::map)
                .list();
    }

    Map<Long, Integer> counts(long incidentId) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("select evidence_id, count(*) as n from evidence_events where incident_id = ? group by evidence_id")
                .param(incidentId)
                .query(rs -> {
                    counts.put(rs.getLong("evidence_id"), rs.getInt("n"));
                });
        return counts;
    }

    Optional<ParseSummary> summary(long evidenceId) {
        return jdbc.sql("select * from evidence_parses where evidence_id = ?")
                .param(evidenceId)
                .query((rs, n) -> new ParseSummary(
                        rs.getString("detected_format"),
                        rs.getLong("items"),
                        rs.getInt("events"),
                        rs.getLong("unparsed"),
                        lines(rs.getString("unparsed_examples"))))
                .optional();
    }

    Map<Long, ParseSummary> summaries(long incidentId) {
        Map<Long, ParseSummary> summaries = new HashMap<>();
        jdbc.sql("""
                        select p.evidence_id, p.detected_format, p.items, p.events, p.unparsed, p.unparsed_examples
                        from evidence_parses p join evidence e on e.id = p.evidence_id
                        where e.incident_id = ?
                        union all
                        select d.evidence_id, d.detected_format, d.lines, 0, d.unparsed, d.unparsed_examples
                        from log_digests d join evidence e on e.id = d.evidence_id
                        where e.incident_id = ?""").params(incidentId, incidentId).query(rs -> {
            summaries.put(
                    rs.getLong(1),
                    new ParseSummary(
                            rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getLong(5), lines(rs.getString(6))));
        });
        return summaries;
    }

    /** {@code alert:<alertname>} and {@code burst:<template>} per incident id, for the given incidents. */
    Map<Long, java.util.Set<String>> symptoms(List<Long> incidentIds) {
        Map<Long, java.util.Set<String>> symptoms = new HashMap<>();
        for (int from = 0; from < incidentIds.size(); from += 500) {
            List<Long> slice = incidentIds.subList(from, Math.min(incidentIds.size(), from + 500));
            jdbc.sql("select incident_id, kind, title, attributes from evidence_events"
                            + " where kind in ('ALERT_FIRING', 'LOG_BURST') and incident_id in (:ids)")
                    .param("ids", slice)
                    .query(rs -> {
                        String symptom;
                        if (rs.getString("kind").equals("ALERT_FIRING")) {
                            String name = JSON.readValue(rs.getString("attributes"), ATTRIBUTES)
                                    .get("alertname");
                            symptom = name == null ? null : "alert:" + name;
                        } else {
                            String title = rs.getString("title");
                            symptom = "burst:" + title.substring(title.indexOf(": ") + 2);
                        }
                        if (symptom != null) {
                            symptoms.computeIfAbsent(rs.getLong("incident_id"), k -> new java.util.LinkedHashSet<>())
                                    .add(symptom);
                        }
                    });
        }
        return symptoms;
    }

    private static EvidenceEvent map(ResultSet rs, int row) throws SQLException {
        return new EvidenceEvent(
                rs.getLong("evidence_id"),
                rs.getInt("seq"),
                rs.getObject("at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                EvidenceEventKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("detail"),
                rs.getLong("first_line"),
                rs.getLong("last_line"),
                JSON.readValue(rs.getString("attributes"), ATTRIBUTES));
    }

    private static String attributes(Map<String, String> attributes) {
        Map<String, String> clean = new LinkedHashMap<>();
        attributes.forEach((k, v) -> clean.put(clean(k, 100), clean(v, 500)));
        String json = JSON.writeValueAsString(clean);
        return json.length() <= 8000 ? json : "{}";
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }

    /** Shortens to {@code max} characters; NUL characters (which PostgreSQL text cannot hold) become U+FFFD. */
    private static String clean(String s, int max) {
        String c = s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\ufffd');
        return c.length() <= max ? c : c.substring(0, max - 1) + "…";
    }
}
