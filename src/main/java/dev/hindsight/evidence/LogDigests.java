package dev.hindsight.evidence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores and reads log digests with explicit SQL. */
@Repository
class LogDigests {

    private static final String SEPARATOR = "\u001e";

    private final JdbcClient jdbc;

    LogDigests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(long evidenceId, LogDigest digest) {
        jdbc.sql("""
                        insert into log_digests (evidence_id, detected_format, lines, parsed, unparsed,
                            continuation_lines, template_count, unparsed_examples)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        evidenceId,
                        cut(digest.format(), 40),
                        digest.lines(),
                        digest.parsed(),
                        digest.unparsed(),
                        digest.continuationLines(),
                        digest.templates().size(),
                        cut(String.join(SEPARATOR, digest.unparsedExamples()), 10_000))
                .update();
        for (LogDigest.Template t : digest.templates()) {
            jdbc.sql("""
                            insert into log_templates (evidence_id, template_id, template, line_count, first_seen,
                                last_seen, examples)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            evidenceId,
                            t.id(),
                            cut(t.text(), 4000),
                            t.count(),
                            utc(t.firstSeen()),
                            utc(t.lastSeen()),
                            cut(
                                    String.join(
                                            SEPARATOR,
                                            t.examples().stream()
                                                    .map(e -> cut(e, 1900))
                                                    .toList()),
                                    6000))
                    .update();
        }
    }

    Optional<LogDigest> find(long evidenceId) {
        List<LogDigest.Template> templates = jdbc.sql(
                        "select * from log_templates where evidence_id = ? order by line_count desc, template_id")
                .param(evidenceId)
                .query((rs, n) -> new LogDigest.Template(
                        rs.getInt("template_id"),
                        rs.getString("template"),
                        rs.getLong("line_count"),
                        instant(rs.getObject("first_seen", OffsetDateTime.class)),
                        instant(rs.getObject("last_seen", OffsetDateTime.class)),
                        lines(rs.getString("examples"))))
                .list();
        return jdbc.sql("select * from log_digests where evidence_id = ?")
                .param(evidenceId)
                .query((rs, n) -> new LogDigest(
                        rs.getString("detected_format"),
                        rs.getLong("lines"),
                        rs.getLong("parsed"),
                        rs.getLong("unparsed"),
                        rs.getLong("continuation_lines"),
                        lines(rs.getString("unparsed_examples")),
                        templates))
                .optional();
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }

    /** Shortens to {@code max} characters; NUL characters (which PostgreSQL text cannot hold) become U+FFFD. */
    private static String cut(String s, int max) {
        String clean = s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\ufffd');
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
