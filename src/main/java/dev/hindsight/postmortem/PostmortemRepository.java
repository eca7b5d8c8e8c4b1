package dev.hindsight.postmortem;

import dev.hindsight.incident.IncidentId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes templates, documents, sections and revisions with explicit SQL. */
@Repository
class PostmortemRepository {

    private final JdbcClient jdbc;

    PostmortemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // templates

    List<PostmortemTemplate> templates() {
        Map<Long, PostmortemTemplate> byId = new LinkedHashMap<>();
        jdbc.sql("select * from postmortem_templates order by id").query(rs -> {
            byId.put(
                    rs.getLong("id"),
                    new PostmortemTemplate(
                            rs.getLong("id"),
                            rs.getString("name"),
                            severities(rs.getString("severities")),
                            new ArrayList<>(),
                            rs.getInt("version")));
        });
        jdbc.sql("select * from postmortem_template_sections order by template_id, position")
                .query(rs -> {
                    PostmortemTemplate t = byId.get(rs.getLong("template_id"));
                    if (t != null) {
                        t.sections()
                                .add(new TemplateSection(
                                        rs.getString("section_key"),
                                        rs.getString("title"),
                                        SectionKind.valueOf(rs.getString("kind")),
                                        rs.getBoolean("required"),
                                        rs.getString("guidance")));
                    }
                });
        return byId.values().stream()
                .map(t -> new PostmortemTemplate(
                        t.id(), t.name(), t.severities(), List.copyOf(t.sections()), t.version()))
                .toList();
    }

    long insertTemplate(String name, List<Integer> severities, List<TemplateSection> sections, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into postmortem_templates (name, severities, created_at, updated_at, version)"
                        + " values (?, ?, ?, ?, 0)")
                .params(name, severityText(severities), now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertTemplateSections(id, sections);
        return id;
    }

    boolean updateTemplate(
            long id,
            String name,
            List<Integer> severities,
            List<TemplateSection> sections,
            int expectedVersion,
            OffsetDateTime now) {
        boolean updated = jdbc.sql("update postmortem_templates set name = ?, severities = ?, updated_at = ?,"
                                + " version = version + 1 where id = ? and version = ?")
                        .params(name, severityText(severities), now, id, expectedVersion)
                        .update()
                == 1;
        if (updated) {
            jdbc.sql("delete from postmortem_template_sections where template_id = ?")
                    .param(id)
                    .update();
            insertTemplateSections(id, sections);
        }
        return updated;
    }

    boolean deleteTemplate(long id) {
        return jdbc.sql("delete from postmortem_templates where id = ?")
                        .param(id)
                        .update()
                == 1;
    }

    private void insertTemplateSections(long templateId, List<TemplateSection> sections) {
        int position = 0;
        for (TemplateSection s : sections) {
            jdbc.sql("insert into postmortem_template_sections (template_id, position, section_key, title, kind,"
                            + " required, guidance) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(templateId, position++, s.key(), s.title(), s.kind().name(), s.required(), s.guidance())
                    .update();
        }
    }

    private static List<Integer> severities(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }

    private static String severityText(List<Integer> severities) {
        return severities.isEmpty()
                ? null
                : String.join(",", severities.stream().map(String::valueOf).toList());
    }

    // documents

    Optional<Postmortem> findByIncident(long incidentId) {
        return jdbc.sql("select * from postmortems where incident_id = ?")
                .param(incidentId)
                .query((rs, n) -> new Postmortem(
                        rs.getLong("id"),
                        new IncidentId(rs.getLong("incident_id")),
                        rs.getString("template_name"),
                        PostmortemStatus.valueOf(rs.getString("status")),
                        rs.getString("source_ref"),
                        List.of(),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getObject("published_at", OffsetDateTime.class),
                        rs.getInt("version")))
                .optional()
                .map(p -> new Postmortem(
                        p.id(),
                        p.incidentId(),
                        p.templateName(),
                        p.status(),
                        p.sourceRef(),
                        sections(p.id()),
                        p.updatedAt(),
                        p.publishedAt(),
                        p.version()));
    }

    Optional<Long> incidentBySource(String sourceRef) {
        return jdbc.sql("select incident_id from postmortems where source_ref = ?")
                .param(sourceRef)
                .query(Long.class)
                .optional();
    }

    List<Section> sections(long postmortemId) {
        return jdbc.sql("select * from postmortem_sections where postmortem_id = ? order by position")
                .param(postmortemId)
                .query((rs, n) -> new Section(
                        rs.getString("section_key"),
                        rs.getString("title"),
                        SectionKind.valueOf(rs.getString("kind")),
                        rs.getBoolean("required"),
                        rs.getString("guidance"),
                        rs.getString("body") == null ? "" : rs.getString("body")))
                .list();
    }

    long insert(
            long incidentId,
            String templateName,
            String sourceRef,
            List<Section> sections,
            long actorId,
            OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into postmortems (incident_id, template_name, status, source_ref, created_at, created_by,"
                        + " updated_at, updated_by, version) values (?, ?, 'DRAFT', ?, ?, ?, ?, ?, 0)")
                .params(incidentId, templateName, sourceRef, now, actorId, now, actorId)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertSections(id, sections);
        return id;
    }

    /** Bumps the version when it is {@code expectedVersion}; false (changing nothing) otherwise. */
    boolean touch(long id, int expectedVersion, long actorId, OffsetDateTime now) {
        return jdbc.sql("update postmortems set updated_at = ?, updated_by = ?, version = version + 1"
                                + " where id = ? and version = ?")
                        .params(now, actorId, id, expectedVersion)
                        .update()
                == 1;
    }

    void setTemplateName(long id, String templateName) {
        jdbc.sql("update postmortems set template_name = ? where id = ?")
                .params(templateName, id)
                .update();
    }

    void setSourceRef(long id, String sourceRef) {
        jdbc.sql("update postmortems set source_ref = ? where id = ?")
                .params(sourceRef, id)
                .update();
    }

    void updateBody(long id, String key, String body) {
        jdbc.sql("update postmortem_sections set body = ? where postmortem_id = ? and section_key = ?")
                .params(body, id, key)
                .update();
    }

    void replaceSections(long id, List<Section> sections) {
        jdbc.sql("delete from postmortem_sections where postmortem_id = ?")
                .param(id)
                .update();
        insertSections(id, sections);
    }

    private void insertSections(long postmortemId, List<Section> sections) {
        int position = 0;
        for (Section s : sections) {
            jdbc.sql("insert into postmortem_sections (postmortem_id, position, section_key, title, kind, required,"
                            + " guidance, body) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            postmortemId,
                            position++,
                            s.key(),
                            s.title(),
                            s.kind().name(),
                            s.required(),
                            s.guidance(),
                            s.body())
                    .update();
        }
    }

    Optional<Integer> version(long id) {
        return jdbc.sql("select version from postmortems where id = ?")
                .param(id)
                .query(Integer.class)
                .optional();
    }

    // revisions

    void addRevision(
            long postmortemId,
            int version,
            Section section,
            String before,
            String after,
            String username,
            OffsetDateTime now) {
        jdbc.sql("insert into postmortem_revisions (postmortem_id, version, section_key, section_title, before_body,"
                        + " after_body, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(postmortemId, version, section.key(), section.title(), before, after, username, now)
                .update();
    }

    /** Newest first; only those after {@code sinceVersion} when it is not null. */
    List<Revision> revisions(long postmortemId, Integer sinceVersion) {
        return jdbc.sql("select * from postmortem_revisions where postmortem_id = ? and version > ?"
                        + " order by version desc, id desc")
                .params(postmortemId, sinceVersion == null ? -1 : sinceVersion)
                .query((rs, n) -> new Revision(
                        rs.getLong("id"),
                        rs.getInt("version"),
                        rs.getString("section_key"),
                        rs.getString("section_title"),
                        rs.getString("before_body") == null ? "" : rs.getString("before_body"),
                        rs.getString("after_body") == null ? "" : rs.getString("after_body"),
                        rs.getString("changed_by"),
                        rs.getObject("changed_at", OffsetDateTime.class)))
                .list();
    }
}
