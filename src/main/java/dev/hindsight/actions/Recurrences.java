package dev.hindsight.actions;

import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Recurred despite action": computed on read, in one SQL query, so it never goes stale when a factor, an action's
 * status, an incident's services or its start time change later. A factor F of incident X recurred despite action A
 * of incident Y when A is done and either someone linked F to A by hand, or all of: Y is not X, Y started (or was
 * created) before X, A is linked to a factor of Y with F's category, X and Y share a service, and A was completed
 * before F was recorded. Both incidents must be visible to the reader, so a restricted incident never shows through.
 */
@Service
public class Recurrences {

    /** The rule with aliases f (later factor), x (its incident), a (done action), y (its incident). */
    static final String RULE = " a.status = 'DONE' and y.id <> x.id and ("
            + "exists (select 1 from factor_recurrence_links l where l.factor_id = f.id and l.action_id = a.id)"
            + " or (coalesce(y.started_at, y.created_at) < coalesce(x.started_at, x.created_at)"
            + " and a.completed_at <= f.created_at"
            + " and exists (select 1 from action_factor_links afl join contributing_factors g on g.id = afl.factor_id"
            + " where afl.action_id = a.id and g.category_key = f.category_key)"
            + " and exists (select 1 from incident_services sx join incident_services sy on sy.service_id = sx.service_id"
            + " where sx.incident_id = x.id and sy.incident_id = y.id)))";

    /** Which incidents (alias given) a non-admin may see; the same rule as {@code Incident.visibleTo}. */
    static String visible(String alias) {
        return " and (" + alias + ".visibility = 'NORMAL' or " + alias + ".commander_id = :uid or " + alias
                + ".created_by = :uid or exists (select 1 from incident_participants p" + alias + " where p" + alias
                + ".incident_id = " + alias + ".id and p" + alias + ".user_id = :uid))";
    }

    private final JdbcClient jdbc;
    private final ActionItems actions;
    private final RootCauseAnalysis analysis;
    private final AuditTrail audit;
    private final Clock clock;

    Recurrences(JdbcClient jdbc, ActionItems actions, RootCauseAnalysis analysis, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.actions = actions;
        this.analysis = analysis;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The recurrences the incident takes part in, as the later incident (its causes came back) or the earlier one (its
     * done actions did not prevent a later cause), leaving out those whose other incident the actor may not see.
     * {@link NotFoundException} when the incident is hidden from the actor. Never null.
     */
    public List<Recurrence> of(Actor actor, IncidentId incidentId) {
        analysis.factorsOf(actor, incidentId);
        Map<String, Object> params = new HashMap<>();
        params.put("incident", incidentId.value());
        String where = " where (x.id = :incident or y.id = :incident) and" + RULE;
        if (!actor.isAdmin()) {
            where += visible("x") + visible("y");
            params.put("uid", actor.userId());
        }
        return jdbc.sql("select f.id as factor_id, f.title as factor_title, f.category_key, x.id as later_id,"
                        + " y.id as earlier_id, a.id as action_id, a.title as action_title,"
                        + " (select count(*) from factor_recurrence_links l2 where l2.factor_id = f.id"
                        + " and l2.action_id = a.id) as explicit_links"
                        + " from contributing_factors f join incidents x on x.id = f.incident_id"
                        + " cross join action_items a join incidents y on y.id = a.incident_id"
                        + where
                        + " order by x.id, f.id, a.id")
                .params(params)
                .query((rs, n) -> new Recurrence(
                        new IncidentId(rs.getLong("later_id")),
                        rs.getLong("factor_id"),
                        rs.getString("factor_title"),
                        rs.getString("category_key"),
                        new IncidentId(rs.getLong("earlier_id")),
                        new ActionId(rs.getLong("action_id")),
                        rs.getString("action_title"),
                        rs.getLong("explicit_links") > 0))
                .list();
    }

    /**
     * Links a factor of the incident by hand to an action of another incident that was meant to prevent it. Editors
     * only; {@link NotFoundException} for a factor not of this incident or an action the actor may not see;
     * {@link InvalidInputException} for an action of the same incident; {@link ConflictException} when already linked.
     */
    @Transactional
    public void link(Actor actor, IncidentId incidentId, long factorId, ActionId actionId) {
        actor.require(Role.EDITOR);
        ContributingFactor factor = analysis.factor(actor, incidentId, factorId);
        ActionItem action = actions.get(actor, actionId);
        if (action.incidentId().equals(incidentId)) {
            throw new InvalidInputException("action", "must be an action of an earlier incident, not of this one");
        }
        boolean exists = jdbc.sql("select count(*) from factor_recurrence_links where factor_id = ? and action_id = ?")
                        .params(factorId, actionId.value())
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            throw new ConflictException("'" + factor.title() + "' is already linked to " + actionId.key() + ".");
        }
        jdbc.sql("insert into factor_recurrence_links (factor_id, action_id, linked_by, linked_at) values (?, ?, ?, ?)")
                .params(
                        factorId,
                        actionId.value(),
                        actor.userId(),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        audit.record(
                incidentId.value(),
                actor,
                "recurrence-linked",
                "Linked '" + factor.title() + "' to " + actionId.key() + " of "
                        + action.incidentId().key() + " as a cause it was meant to prevent",
                List.of(new FieldChange("preventedBy", null, actionId.key())));
    }
}
