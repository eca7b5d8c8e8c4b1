package dev.hindsight.incident;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.User;
import dev.hindsight.catalog.CatalogService;
import dev.hindsight.catalog.ServiceCatalog;
import dev.hindsight.shared.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes incidents with explicit SQL; collections are loaded in batches, one query per collection. */
@Repository
class IncidentRepository {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ServiceCatalog catalog;

    IncidentRepository(JdbcClient jdbc, Accounts accounts, ServiceCatalog catalog) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    /** Row values validated by {@link IncidentManagement}. */
    record Row(
            String title,
            String summary,
            int severity,
            IncidentStatus status,
            Visibility visibility,
            Impact impact,
            KeyTimes times,
            Long commanderId,
            List<Long> serviceIds,
            List<Map.Entry<Long, ParticipantRole>> participants,
            List<String> tags,
            List<IncidentLink> links,
            Map<String, String> customFields) {}

    long insert(Row row, long actorId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into incidents (title, summary, severity, status, visibility, impact_description,
                            users_affected, error_budget_consumed, started_at, detected_at, acknowledged_at,
                            mitigated_at, resolved_at, commander_id, created_by, created_at, updated_at, updated_by,
                            version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""").params(values(row, actorId, now, now)).update(keys, "id");
        long id = keys.getKey().longValue();
        writeCollections(id, row);
        return id;
    }

    /** Updates when the stored version is {@code expectedVersion}; returns false (changing nothing) otherwise. */
    boolean update(long id, Row row, int expectedVersion, long actorId, OffsetDateTime now) {
        int changed = jdbc.sql("""
                        update incidents set title = ?, summary = ?, severity = ?, status = ?, visibility = ?,
                            impact_description = ?, users_affected = ?, error_budget_consumed = ?, started_at = ?,
                            detected_at = ?, acknowledged_at = ?, mitigated_at = ?, resolved_at = ?,
                            commander_id = ?, updated_at = ?, updated_by = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(updateValues(row, actorId, now, id, expectedVersion))
                .update();
        if (changed == 0) {
            return false;
        }
        for (String table : List.of(
                "incident_services",
                "incident_participants",
                "incident_tags",
                "incident_links",
                "incident_field_values")) {
            jdbc.sql("delete from " + table + " where incident_id = ?")
                    .param(id)
                    .update();
        }
        writeCollections(id, row);
        return true;
    }

    Optional<Integer> version(long id) {
        return jdbc.sql("select version from incidents where id = ?")
                .param(id)
                .query(Integer.class)
                .optional();
    }

    Optional<Incident> find(long id) {
        return load(List.of(id)).stream().findFirst();
    }

    /** One page of the incidents the actor may see, and how many there are in all. */
    Page<Incident> search(Actor actor, IncidentFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!actor.isAdmin()) {
            where.append(
                    " and (i.visibility = 'NORMAL' or i.commander_id = :uid or i.created_by = :uid"
                            + " or exists (select 1 from incident_participants p where p.incident_id = i.id and p.user_id = :uid))");
            params.put("uid", actor.userId());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" and i.status in (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.severities() != null && !filter.severities().isEmpty()) {
            where.append(" and i.severity in (:severities)");
            params.put(
                    "severities",
                    filter.severities().stream().map(Severity::level).toList());
        }
        if (filter.service() != null && !filter.service().isBlank()) {
            where.append(
                    " and exists (select 1 from incident_services x join services s on s.id = x.service_id where x.incident_id = i.id and s.name = :service)");
            params.put("service", filter.service().trim());
        }
        if (filter.teamId() != null) {
            where.append(
                    " and exists (select 1 from incident_services x join services s on s.id = x.service_id where x.incident_id = i.id and s.team_id = :team)");
            params.put("team", filter.teamId());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            where.append(" and exists (select 1 from incident_tags t where t.incident_id = i.id and t.tag = :tag)");
            params.put("tag", filter.tag().trim().toLowerCase());
        }
        if (filter.from() != null) {
            where.append(" and coalesce(i.started_at, i.created_at) >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and coalesce(i.started_at, i.created_at) < :to");
            params.put("to", filter.to());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(
                    " and (lower(i.title) like :text escape '\\' or lower(coalesce(i.summary, '')) like :text escape '\\')");
            String escaped = filter.text()
                    .trim()
                    .toLowerCase()
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            params.put("text", "%" + escaped + "%");
        }
        long total = jdbc.sql("select count(*) from incidents i" + where)
                .params(params)
                .query(Long.class)
                .single();
        String direction = page.descending() ? " desc" : " asc";
        List<Long> ids = jdbc.sql("select i.id from incidents i" + where + " order by "
                        + page.sort().column() + direction + ", i.id" + direction + " limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", (long) page.page() * page.size())
                .query(Long.class)
                .list();
        return new Page<>(load(ids), page.page(), page.size(), total);
    }

    /** The tags in use, most used first. */
    List<String> tags() {
        return jdbc.sql("select tag from incident_tags group by tag order by count(*) desc, tag limit 200")
                .query(String.class)
                .list();
    }

    private List<Incident> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> serviceIds =
                groupLongs("select incident_id, service_id from incident_services where incident_id in (:ids)", ids);
        Map<Long, List<Map.Entry<Long, ParticipantRole>>> participants = new HashMap<>();
        jdbc.sql(
                        "select incident_id, user_id, role from incident_participants where incident_id in (:ids) order by role, user_id")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    participants
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(Map.entry(rs.getLong(2), ParticipantRole.valueOf(rs.getString(3))));
                });
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("select incident_id, tag from incident_tags where incident_id in (:ids) order by tag")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, List<IncidentLink>> links = new HashMap<>();
        jdbc.sql("select incident_id, label, url from incident_links where incident_id in (:ids) order by position")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new IncidentLink(rs.getString(2), rs.getString(3)));
                });
        Map<Long, Map<String, String>> fields = new HashMap<>();
        jdbc.sql(
                        "select incident_id, field_key, field_value from incident_field_values where incident_id in (:ids) order by field_key")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    fields.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getString(3));
                });
        List<RowData> rows = jdbc.sql("select * from incidents where id in (:ids)")
                .param("ids", ids)
                .query(IncidentRepository::row)
                .list();

        Set<Long> userIds = new HashSet<>();
        rows.forEach(r -> {
            if (r.commanderId != null) {
                userIds.add(r.commanderId);
            }
        });
        participants.values().forEach(list -> list.forEach(e -> userIds.add(e.getKey())));
        Map<Long, User> users = accounts.byIds(userIds);
        Map<Long, CatalogService> services =
                catalog.byIds(serviceIds.values().stream().flatMap(List::stream).collect(Collectors.toSet())).stream()
                        .collect(Collectors.toMap(CatalogService::id, s -> s));

        Map<Long, Incident> byId = new HashMap<>();
        for (RowData r : rows) {
            Participant commander =
                    r.commanderId == null ? null : participant(users, r.commanderId, ParticipantRole.COMMANDER);
            byId.put(
                    r.id,
                    new Incident(
                            new IncidentId(r.id),
                            r.title,
                            r.summary,
                            new Severity(r.severity),
                            r.status,
                            r.visibility,
                            serviceIds.getOrDefault(r.id, List.of()).stream()
                                    .map(services::get)
                                    .sorted((a, b) -> a.name().compareTo(b.name()))
                                    .toList(),
                            r.impact,
                            r.times,
                            commander,
                            participants.getOrDefault(r.id, List.of()).stream()
                                    .map(e -> participant(users, e.getKey(), e.getValue()))
                                    .toList(),
                            List.copyOf(tags.getOrDefault(r.id, List.of())),
                            List.copyOf(links.getOrDefault(r.id, List.of())),
                            Map.copyOf(fields.getOrDefault(r.id, Map.of())),
                            r.createdBy,
                            r.createdAt,
                            r.updatedAt,
                            r.version));
        }
        return ids.stream().map(byId::get).filter(i -> i != null).toList();
    }

    private static Participant participant(Map<Long, User> users, long id, ParticipantRole role) {
        User u = users.get(id);
        return new Participant(
                id, u == null ? "user-" + id : u.username(), u == null ? "(deleted user)" : u.displayName(), role);
    }

    private Map<Long, List<Long>> groupLongs(String sql, Collection<Long> ids) {
        Map<Long, List<Long>> map = new HashMap<>();
        jdbc.sql(sql).param("ids", ids).query((ResultSet rs) -> {
            map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        return map;
    }

    private void writeCollections(long id, Row row) {
        for (Long service : row.serviceIds()) {
            jdbc.sql("insert into incident_services (incident_id, service_id) values (?, ?)")
                    .params(id, service)
                    .update();
        }
        for (var p : row.participants()) {
            jdbc.sql("insert into incident_participants (incident_id, user_id, role) values (?, ?, ?)")
                    .params(id, p.getKey(), p.getValue().name())
                    .update();
        }
        for (String tag : row.tags()) {
            jdbc.sql("insert into incident_tags (incident_id, tag) values (?, ?)")
                    .params(id, tag)
                    .update();
        }
        int position = 0;
        for (IncidentLink link : row.links()) {
            jdbc.sql("insert into incident_links (incident_id, position, label, url) values (?, ?, ?, ?)")
                    .params(id, position++, link.label(), link.url())
                    .update();
        }
        for (var field : row.customFields().entrySet()) {
            jdbc.sql("insert into incident_field_values (incident_id, field_key, field_value) values (?, ?, ?)")
                    .params(id, field.getKey(), field.getValue())
                    .update();
        }
    }

    private static Object[] values(Row row, long actorId, OffsetDateTime created, OffsetDateTime updated) {
        KeyTimes t = row.times();
        return new Object[] {
            row.title(),
            row.summary(),
            row.severity(),
            row.status().name(),
            row.visibility().name(),
            row.impact().description(),
            row.impact().usersAffected(),
            row.impact().errorBudgetConsumed(),
            t.startedAt(),
            t.detectedAt(),
            t.acknowledgedAt(),
            t.mitigatedAt(),
            t.resolvedAt(),
            row.commanderId(),
            actorId,
            created,
            updated,
            actorId
        };
    }

    private static Object[] updateValues(Row row, long actorId, OffsetDateTime now, long id, int version) {
        KeyTimes t = row.times();
        return new Object[] {
            row.title(),
            row.summary(),
            row.severity(),
            row.status().name(),
            row.visibility().name(),
            row.impact().description(),
            row.impact().usersAffected(),
            row.impact().errorBudgetConsumed(),
            t.startedAt(),
            t.detectedAt(),
            t.acknowledgedAt(),
            t.mitigatedAt(),
            t.resolvedAt(),
            row.commanderId(),
            now,
            actorId,
            id,
            version
        };
    }

    private record RowData(
            long id,
            String title,
            String summary,
            int severity,
            IncidentStatus status,
            Visibility visibility,
            Impact impact,
            KeyTimes times,
            Long commanderId,
            Long createdBy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            int version) {}

    private static RowData row(ResultSet rs, int n) throws SQLException {
        return new RowData(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getInt("severity"),
                IncidentStatus.valueOf(rs.getString("status")),
                Visibility.valueOf(rs.getString("visibility")),
                new Impact(
                        rs.getString("impact_description"),
                        nullableLong(rs, "users_affected"),
                        nullableDouble(rs, "error_budget_consumed")),
                new KeyTimes(
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("detected_at", OffsetDateTime.class),
                        rs.getObject("acknowledged_at", OffsetDateTime.class),
                        rs.getObject("mitigated_at", OffsetDateTime.class),
                        rs.getObject("resolved_at", OffsetDateTime.class)),
                nullableLong(rs, "commander_id"),
                nullableLong(rs, "created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
