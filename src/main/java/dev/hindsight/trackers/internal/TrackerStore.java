package dev.hindsight.trackers.internal;

import dev.hindsight.actions.ActionId;
import dev.hindsight.trackers.SyncState;
import dev.hindsight.trackers.Ticket;
import dev.hindsight.trackers.TrackerKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ticket links and the outbox of tracker calls, in explicit SQL. */
@Repository
public class TrackerStore {

    /** A queued tracker call. */
    public record OutboxRow(
            long id, long actionId, String operation, String targetStatus, String backlink, int attempts) {}

    private static final String TICKET = "select t.*, (select count(*) from tracker_outbox o where o.action_id ="
            + " t.action_id and o.done_at is null) as pending, (select o.next_attempt_at from tracker_outbox o"
            + " where o.action_id = t.action_id and o.done_at is null order by o.id limit 1) as next_attempt from action_tickets t";

    private final JdbcClient jdbc;

    TrackerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertTicket(long actionId, TrackerKind kind, long userId, OffsetDateTime now) {
        jdbc.sql("insert into action_tickets (action_id, tracker, sync_state, created_by, updated_at)"
                        + " values (?, ?, 'PENDING', ?, ?)")
                .params(actionId, kind.name(), userId, now)
                .update();
    }

    public void enqueue(long actionId, String operation, String targetStatus, String backlink, OffsetDateTime now) {
        jdbc.sql("insert into tracker_outbox (action_id, operation, target_status, backlink, attempts,"
                        + " next_attempt_at, created_at) values (?, ?, ?, ?, 0, ?, ?)")
                .params(actionId, operation, targetStatus, backlink, now, now)
                .update();
    }

    public Optional<Ticket> ticket(long actionId) {
        return jdbc.sql(TICKET + " where t.action_id = ?")
                .param(actionId)
                .query(TrackerStore::ticket)
                .optional();
    }

    public List<Ticket> tickets(List<Long> actionIds) {
        if (actionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(TICKET + " where t.action_id in (:ids)")
                .param("ids", actionIds)
                .query(TrackerStore::ticket)
                .list();
    }

    public Optional<Ticket> ticketByKey(TrackerKind kind, String key) {
        return jdbc.sql(TICKET + " where t.tracker = ? and t.external_key = ?")
                .params(kind.name(), key)
                .query(TrackerStore::ticket)
                .optional();
    }

    /** Tickets that exist in their tracker and are not given up on, oldest sync first. */
    public List<Ticket> linkedTickets() {
        return jdbc.sql(TICKET + " where t.external_key is not null and t.sync_state <> 'FAILED'"
                        + " order by t.last_synced_at nulls first, t.action_id")
                .query(TrackerStore::ticket)
                .list();
    }

    public Long createdBy(long actionId) {
        return jdbc.sql("select created_by from action_tickets where action_id = ?")
                .param(actionId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    public List<OutboxRow> due(OffsetDateTime now, int limit) {
        return jdbc.sql("select o.* from tracker_outbox o where o.done_at is null and o.next_attempt_at <= :now"
                        + " and not exists (select 1 from tracker_outbox e where e.action_id = o.action_id"
                        + " and e.done_at is null and e.id < o.id) order by o.id limit :limit")
                .param("now", now)
                .param("limit", limit)
                .query((rs, n) -> new OutboxRow(
                        rs.getLong("id"),
                        rs.getLong("action_id"),
                        rs.getString("operation"),
                        rs.getString("target_status"),
                        rs.getString("backlink"),
                        rs.getInt("attempts")))
                .list();
    }

    /** Takes the call for this node (counting the attempt); false when another node took it first. */
    public boolean claim(OutboxRow row, OffsetDateTime leaseUntil) {
        return jdbc.sql("update tracker_outbox set attempts = attempts + 1, next_attempt_at = ?"
                                + " where id = ? and attempts = ? and done_at is null")
                        .params(leaseUntil, row.id(), row.attempts())
                        .update()
                == 1;
    }

    public void finish(long id, OffsetDateTime now) {
        jdbc.sql("update tracker_outbox set done_at = ? where id = ?")
                .params(now, id)
                .update();
    }

    public void retryLater(long id, OffsetDateTime at, String error) {
        jdbc.sql("update tracker_outbox set next_attempt_at = ?, last_error = ? where id = ?")
                .params(at, clip(error), id)
                .update();
    }

    public void ticketCreated(long actionId, String key, String url, String remoteStatus, OffsetDateTime now) {
        jdbc.sql("update action_tickets set external_key = ?, external_url = ?, remote_status = ?, sync_state ="
                        + " 'SYNCED', last_error = null, last_synced_at = ?, updated_at = ? where action_id = ?")
                .params(key, url, remoteStatus, now, now, actionId)
                .update();
    }

    /** Sets the state and error; also the remote status unless {@code remoteStatus} is null. */
    public void markTicket(long actionId, SyncState state, String error, String remoteStatus) {
        jdbc.sql("update action_tickets set sync_state = ?, last_error = ?, remote_status = coalesce(?, remote_status)"
                        + " where action_id = ?")
                .params(state.name(), clip(error), remoteStatus, actionId)
                .update();
    }

    public void remoteSeen(long actionId, String remoteStatus, OffsetDateTime now) {
        jdbc.sql("update action_tickets set remote_status = ?, last_synced_at = ?, updated_at = ?, sync_state ="
                        + " case when sync_state = 'PENDING' then 'PENDING' else 'SYNCED' end, last_error = null"
                        + " where action_id = ?")
                .params(remoteStatus, now, now, actionId)
                .update();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    private static Ticket ticket(ResultSet rs, int n) throws SQLException {
        return new Ticket(
                new ActionId(rs.getLong("action_id")),
                TrackerKind.valueOf(rs.getString("tracker")),
                rs.getString("external_key"),
                rs.getString("external_url"),
                rs.getString("remote_status"),
                SyncState.valueOf(rs.getString("sync_state")),
                rs.getString("last_error"),
                rs.getObject("last_synced_at", OffsetDateTime.class),
                rs.getInt("pending"),
                rs.getObject("next_attempt", OffsetDateTime.class));
    }
}
