package dev.hindsight.actions;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.Page;
import dev.hindsight.shared.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes action items and their factor links with explicit SQL. */
@Repository
class ActionRepository {

    /**
     * Which incidents a non-admin may see: the same rule as {@code Incident.visibleTo}, in SQL so that the board's
     * pages and counts never include what the reader may not see.
     */
    private static final String VISIBLE = " and (i.visibility = 'NORMAL' or i.commander_id = :uid"
            + " or i.created_by = :uid"
            + " or exists (select 1 from incident_participants p where p.incident_id = i.id and p.user_id = :uid))";

    private static final String SELECT = "select a.*, u.username as owner_name, t.name as team_name"
            + " from action_items a left join users u on u.id = a.owner_id left join teams t on t.id = a.team_id";

    private final JdbcClient jdbc;

    ActionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Action values validated by {@link ActionItems}. */
    record ActionRow(
            String title,
            String description,
            ActionType type,
            ActionPriority priority,
            Long ownerId,
            Long teamId,
            LocalDate dueDate,
            Effort effort,
            String ticketUrl,
            List<Long> factorIds) {}

    long insert(long incidentId, ActionRow row, long actorId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into action_items (incident_id, title, description, action_type, priority, owner_id,"
                        + " team_id, due_date, status, effort, ticket_url, created_at, created_by, updated_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, 0)")
                .params(
                        incidentId,
                        row.title(),
                        row.description(),
                        row.type().name(),
                        row.priority().name(),
                        row.ownerId(),
                        row.teamId(),
                        row.dueDate(),
                        row.effort() == null ? null : row.effort().name(),
                        row.ticketUrl(),
                        now,
                        actorId,
                        now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        link(id, row.factorIds());
        return id;
    }

    /** Updates when the stored version is {@code expectedVersion}; returns false (changing nothing) otherwise. */
    boolean update(long id, ActionRow row, int expectedVersion, OffsetDateTime now) {
        boolean updated = jdbc.sql("update action_items set title = ?, description = ?, action_type = ?,"
                                + " priority = ?, owner_id = ?, team_id = ?, due_date = ?, effort = ?, ticket_url = ?,"
                                + " updated_at = ?, version = version + 1 where id = ? and version = ?")
                        .params(
                                row.title(),
                                row.description(),
                                row.type().name(),
                                row.priority().name(),
                                row.ownerId(),
                                row.teamId(),
                                row.dueDate(),
                                row.effort() == null ? null : row.effort().name(),
                                row.ticketUrl(),
                                now,
                                id,
                                expectedVersion)
                        .update()
                == 1;
        if (updated) {
            jdbc.sql("delete from action_factor_links where action_id = ?")
                    .param(id)
                    .update();
            link(id, row.factorIds());
        }
        return updated;
    }

    boolean updateStatus(
            long id,
            ActionStatus status,
            String reason,
            OffsetDateTime completedAt,
            int expectedVersion,
            OffsetDateTime now) {
        return jdbc.sql("update action_items set status = ?, wont_do_reason = ?, completed_at = ?, updated_at = ?,"
                                + " version = version + 1 where id = ? and version = ?")
                        .params(status.name(), reason, completedAt, now, id, expectedVersion)
                        .update()
                == 1;
    }

    private void link(long actionId, List<Long> factorIds) {
        for (Long factorId : factorIds) {
            jdbc.sql("insert into action_factor_links (action_id, factor_id) values (?, ?)")
                    .params(actionId, factorId)
                    .update();
        }
    }

    Optional<ActionItem> find(long id) {
        return load(SELECT + " where a.id = :id", Map.of("id", id)).stream().findFirst();
    }

    Optional<Integer> version(long id) {
        return jdbc.sql("select version from action_items where id = ?")
                .param(id)
                .query(Integer.class)
                .optional();
    }

    List<ActionItem> ofIncident(long incidentId) {
        return load(
                SELECT + " where a.incident_id = :incident order by a.priority, a.due_date nulls last, a.id",
                Map.of("incident", incidentId));
    }

    /** One page of the board: actions of incidents the actor may see that match the filter, and the total. */
    Page<ActionItem> board(Actor actor, ActionFilter filter, LocalDate today, ActionSort sort, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!actor.isAdmin()) {
            where.append(VISIBLE);
            params.put("uid", actor.userId());
        }
        if (filter.mine()) {
            where.append(" and a.owner_id = :me");
            params.put("me", actor.userId());
        }
        if (filter.ownerId() != null) {
            where.append(" and a.owner_id = :owner");
            params.put("owner", filter.ownerId());
        }
        if (filter.teamId() != null) {
            where.append(" and a.team_id = :team");
            params.put("team", filter.teamId());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" and a.status in (:statuses)");
            params.put("statuses", names(filter.statuses()));
        }
        if (filter.priorities() != null && !filter.priorities().isEmpty()) {
            where.append(" and a.priority in (:priorities)");
            params.put("priorities", names(filter.priorities()));
        }
        if (filter.types() != null && !filter.types().isEmpty()) {
            where.append(" and a.action_type in (:types)");
            params.put("types", names(filter.types()));
        }
        if (filter.overdue()) {
            where.append(" and a.status in ('OPEN', 'IN_PROGRESS') and a.due_date < :today");
            params.put("today", today);
        }
        if (filter.recurred()) {
            where.append(" and exists (select 1 from contributing_factors f join incidents x on x.id = f.incident_id"
                    + " join incidents y on y.id = a.incident_id where"
                    + Recurrences.RULE
                    + (actor.isAdmin() ? "" : Recurrences.visible("x"))
                    + ")");
        }
        if (filter.incident() != null) {
            where.append(" and a.incident_id = :incident");
            params.put("incident", filter.incident().value());
        }
        String from = " from action_items a join incidents i on i.id = a.incident_id"
                + " left join users u on u.id = a.owner_id left join teams t on t.id = a.team_id";
        long total = jdbc.sql("select count(*)" + from + where)
                .params(params)
                .query(Long.class)
                .single();
        Map<String, Object> paged = new HashMap<>(params);
        paged.put("limit", size);
        paged.put("offset", (long) page * size);
        List<ActionItem> items = load(
                "select a.*, u.username as owner_name, t.name as team_name" + from + where + " order by "
                        + sort.orderBy() + " limit :limit offset :offset",
                paged);
        return new Page<>(items, page, size, total);
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private List<ActionItem> load(String sql, Map<String, Object> params) {
        List<ActionItem> rows =
                jdbc.sql(sql).params(params).query(ActionRepository::action).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Long>> links = new HashMap<>();
        jdbc.sql("select action_id, factor_id from action_factor_links where action_id in (:ids) order by factor_id")
                .param("ids", rows.stream().map(a -> a.id().value()).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .forEach(e -> links.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        Map<Long, ActionItem> ordered = new LinkedHashMap<>();
        for (ActionItem a : rows) {
            ordered.put(
                    a.id().value(),
                    new ActionItem(
                            a.id(),
                            a.incidentId(),
                            a.title(),
                            a.description(),
                            a.type(),
                            a.priority(),
                            a.ownerId(),
                            a.ownerName(),
                            a.teamId(),
                            a.teamName(),
                            a.dueDate(),
                            a.status(),
                            a.wontDoReason(),
                            a.effort(),
                            a.ticketUrl(),
                            List.copyOf(links.getOrDefault(a.id().value(), List.of())),
                            a.completedAt(),
                            a.createdAt(),
                            a.updatedAt(),
                            a.version()));
        }
        return List.copyOf(ordered.values());
    }

    private static ActionItem action(ResultSet rs, int n) throws SQLException {
        String effort = rs.getString("effort");
        return new ActionItem(
                new ActionId(rs.getLong("id")),
                new IncidentId(rs.getLong("incident_id")),
                rs.getString("title"),
                rs.getString("description"),
                ActionType.valueOf(rs.getString("action_type")),
                ActionPriority.valueOf(rs.getString("priority")),
                (Long) rs.getObject("owner_id", Long.class),
                rs.getString("owner_name"),
                (Long) rs.getObject("team_id", Long.class),
                rs.getString("team_name"),
                rs.getObject("due_date", LocalDate.class),
                ActionStatus.valueOf(rs.getString("status")),
                rs.getString("wont_do_reason"),
                effort == null ? null : Effort.valueOf(effort),
                rs.getString("ticket_url"),
                List.of(),
                rs.getObject("completed_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"));
    }
}
