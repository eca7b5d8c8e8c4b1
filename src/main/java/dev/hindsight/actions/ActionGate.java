package dev.hindsight.actions;

import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.FactorKind;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action-plan gate: every root cause of an incident needs an action (one not marked won't do) or an explicit
 * accepted-risk note before the postmortem may leave review. The review workflow asks {@link #findings}; this module
 * only reports, it does not block anything itself.
 */
@Service
public class ActionGate {

    static final int MAX_NOTE = 2000;

    private final JdbcClient jdbc;
    private final IncidentManagement incidents;
    private final RootCauseAnalysis analysis;
    private final ActionRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    ActionGate(
            JdbcClient jdbc,
            IncidentManagement incidents,
            RootCauseAnalysis analysis,
            ActionRepository repository,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.analysis = analysis;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The gate findings of the incident, in factor order: empty when the action plan lets the postmortem leave
     * review. {@link NotFoundException} when the incident does not exist or is hidden from the actor. Never null.
     */
    public List<GateFinding> findings(Actor actor, IncidentId incidentId) {
        List<ContributingFactor> factors = analysis.factorsOf(actor, incidentId);
        Set<Long> acted = repository.ofIncident(incidentId.value()).stream()
                .filter(a -> a.status() != ActionStatus.WONT_DO)
                .flatMap(a -> a.factorIds().stream())
                .collect(Collectors.toSet());
        Set<Long> accepted =
                risksOf(incidentId).stream().map(AcceptedRisk::factorId).collect(Collectors.toSet());
        return factors.stream()
                .filter(f -> f.kind() == FactorKind.ROOT_CAUSE)
                .filter(f -> !acted.contains(f.id()) && !accepted.contains(f.id()))
                .map(f -> new GateFinding(
                        f.id(), f.title(), "Root cause '" + f.title() + "' has no action and no accepted-risk note"))
                .toList();
    }

    /** The incident's accepted-risk notes by factor id. Never null. */
    public Map<Long, AcceptedRisk> acceptedRisks(Actor actor, IncidentId incidentId) {
        incidents.get(actor, incidentId);
        return risksOf(incidentId).stream().collect(Collectors.toMap(AcceptedRisk::factorId, Function.identity()));
    }

    /**
     * Records that the team accepts the risk of root cause {@code factorId} instead of acting on it. Editors only;
     * {@link InvalidInputException} for a blank or long note or a factor that is not a root cause;
     * {@link ConflictException} when the risk is already accepted; {@link NotFoundException} for a factor of another
     * incident.
     */
    @Transactional
    public AcceptedRisk accept(Actor actor, IncidentId incidentId, long factorId, String note) {
        actor.require(Role.EDITOR);
        ContributingFactor factor = analysis.factor(actor, incidentId, factorId);
        String text = note == null ? "" : note.strip();
        if (factor.kind() != FactorKind.ROOT_CAUSE) {
            throw new InvalidInputException("factorId", "only a root cause can carry an accepted risk");
        }
        if (text.isEmpty()) {
            throw new InvalidInputException("note", "is required: say why the risk is accepted");
        }
        if (text.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "at most " + MAX_NOTE + " characters");
        }
        if (find(factorId) != null) {
            throw new ConflictException("The risk of '" + factor.title() + "' is already accepted.");
        }
        jdbc.sql("insert into factor_accepted_risks (factor_id, incident_id, note, accepted_by, accepted_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(factorId, incidentId.value(), text, actor.userId(), now())
                .update();
        audit.record(
                incidentId.value(),
                actor,
                "risk-accepted",
                "Accepted the risk of root cause '" + factor.title() + "'",
                List.of(new FieldChange("acceptedRisk", null, text)));
        return find(factorId);
    }

    /** Withdraws an accepted-risk note. Editors only; {@link NotFoundException} when there is none. */
    @Transactional
    public void withdraw(Actor actor, IncidentId incidentId, long factorId) {
        actor.require(Role.EDITOR);
        ContributingFactor factor = analysis.factor(actor, incidentId, factorId);
        AcceptedRisk risk = find(factorId);
        if (risk == null) {
            throw new NotFoundException("No accepted risk on '" + factor.title() + "'");
        }
        jdbc.sql("delete from factor_accepted_risks where factor_id = ?")
                .param(factorId)
                .update();
        audit.record(
                incidentId.value(),
                actor,
                "risk-withdrawn",
                "Withdrew the accepted risk of root cause '" + factor.title() + "'",
                List.of(new FieldChange("acceptedRisk", risk.note(), null)));
    }

    private AcceptedRisk find(long factorId) {
        return jdbc.sql(SELECT + " where r.factor_id = ?")
                .param(factorId)
                .query(ActionGate::risk)
                .optional()
                .orElse(null);
    }

    private List<AcceptedRisk> risksOf(IncidentId incidentId) {
        return jdbc.sql(SELECT + " where r.incident_id = ? order by r.factor_id")
                .param(incidentId.value())
                .query(ActionGate::risk)
                .list();
    }

    private static final String SELECT =
            "select r.*, u.username from factor_accepted_risks r" + " left join users u on u.id = r.accepted_by";

    private static AcceptedRisk risk(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AcceptedRisk(
                rs.getLong("factor_id"),
                new IncidentId(rs.getLong("incident_id")),
                rs.getString("note"),
                rs.getString("username"),
                rs.getObject("accepted_at", OffsetDateTime.class));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
