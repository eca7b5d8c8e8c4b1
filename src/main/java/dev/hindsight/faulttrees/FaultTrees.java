package dev.hindsight.faulttrees;

import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.engines.faulttree.AnalysisTimeoutException;
import dev.hindsight.engines.faulttree.FaultTree;
import dev.hindsight.engines.faulttree.FaultTreeAnalysis;
import dev.hindsight.engines.faulttree.FaultTreeReport;
import dev.hindsight.engines.faulttree.FaultTreeSvg;
import dev.hindsight.engines.faulttree.MefException;
import dev.hindsight.engines.faulttree.MefExporter;
import dev.hindsight.engines.faulttree.MefImporter;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The fault trees of an incident: import, list, analyse, draw, export, remove. */
@Service
public class FaultTrees {

    /** The largest MEF document accepted, in characters. */
    public static final int MAX_XML = 1_000_000;

    /** How long an analysis may run when asked for from a page or the API; larger trees belong to the CLI. */
    public static final Duration BUDGET = Duration.ofSeconds(20);

    private final JdbcClient jdbc;
    private final IncidentManagement incidents;
    private final AuditTrail audit;
    private final Clock clock;

    FaultTrees(JdbcClient jdbc, IncidentManagement incidents, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Parses and stores an Open-PSA MEF model. Throws {@link InvalidInputException} naming the line of a malformed
     * document; nothing is stored then.
     *
     * @param topGate the gate to analyse, or null for the model's top (the gate nothing references)
     */
    @Transactional
    public StoredFaultTree importMef(Actor actor, IncidentId incidentId, String name, String xml, String topGate) {
        actor.require(Role.EDITOR);
        Incident incident = incidents.get(actor, incidentId);
        List<FieldError> errors = new ArrayList<>();
        String title = name == null || name.isBlank() ? null : name.trim();
        if (title != null && title.length() > 200) {
            errors.add(new FieldError("name", "at most 200 characters"));
        }
        if (xml == null || xml.isBlank()) {
            errors.add(new FieldError("file", "is empty: upload an Open-PSA MEF XML file"));
        } else if (xml.length() > MAX_XML) {
            errors.add(
                    new FieldError("file", "larger than " + MAX_XML + " characters; analyse it with ./hindsight fta"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        FaultTree tree = parse(xml, topGate == null || topGate.isBlank() ? null : topGate.trim());
        String finalName = title != null ? title : tree.name();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fault_trees (incident_id, name, top_gate, mef_xml, gates, basic_events, created_by,
                            created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        incident.id().value(),
                        finalName,
                        tree.top(),
                        xml,
                        tree.gates().size(),
                        tree.basicEvents().size(),
                        actor.username(),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(
                incident.id().value(),
                actor,
                "fault-tree-imported",
                "Imported fault tree " + finalName + " (" + tree.gates().size() + " gates, "
                        + tree.basicEvents().size() + " basic events)",
                List.of(new FieldChange("faultTrees", null, finalName)));
        return find(id).orElseThrow();
    }

    /** The incident's fault trees, oldest first (their XML included). */
    public List<StoredFaultTree> list(Actor actor, IncidentId incidentId) {
        Incident incident = incidents.get(actor, incidentId);
        return jdbc.sql("select * from fault_trees where incident_id = ? order by id")
                .param(incident.id().value())
                .query(FaultTrees::row)
                .list();
    }

    /** One fault tree of the incident; 404 when it is not the incident's or the incident is not visible. */
    public StoredFaultTree get(Actor actor, IncidentId incidentId, long id) {
        Incident incident = incidents.get(actor, incidentId);
        return find(id).filter(t -> t.incidentId() == incident.id().value())
                .orElseThrow(() -> new NotFoundException("No fault tree " + id + " on " + incidentId.key()));
    }

    /**
     * Analyses a stored tree. Throws {@link InvalidInputException} when it takes longer than {@link #BUDGET}.
     *
     * @param topN how many cut sets and importance rows to include
     */
    public FaultTreeReport analyse(Actor actor, IncidentId incidentId, long id, int topN) {
        StoredFaultTree stored = get(actor, incidentId, id);
        try {
            return FaultTreeAnalysis.of(parse(stored.mefXml(), stored.topGate()), BUDGET)
                    .report(topN);
        } catch (AnalysisTimeoutException e) {
            throw new InvalidInputException(
                    "tree",
                    "the analysis took longer than " + BUDGET.toSeconds() + " s; run ./hindsight fta on the file");
        }
    }

    /** The tree drawn as standalone SVG. */
    public String svg(Actor actor, IncidentId incidentId, long id) {
        StoredFaultTree stored = get(actor, incidentId, id);
        return new FaultTreeSvg().render(parse(stored.mefXml(), stored.topGate()));
    }

    /** The tree as Open-PSA MEF XML, as the engine writes it (basic events with their probabilities). */
    public String exportMef(Actor actor, IncidentId incidentId, long id) {
        StoredFaultTree stored = get(actor, incidentId, id);
        return new MefExporter().write(parse(stored.mefXml(), stored.topGate()));
    }

    /** Removes a fault tree from the incident. */
    @Transactional
    public void remove(Actor actor, IncidentId incidentId, long id) {
        actor.require(Role.EDITOR);
        StoredFaultTree stored = get(actor, incidentId, id);
        jdbc.sql("delete from fault_trees where id = ?").param(id).update();
        audit.record(
                stored.incidentId(),
                actor,
                "fault-tree-removed",
                "Removed fault tree " + stored.name(),
                List.of(new FieldChange("faultTrees", stored.name(), null)));
    }

    private static FaultTree parse(String xml, String topGate) {
        try {
            return new MefImporter().readString(xml, topGate);
        } catch (MefException e) {
            throw new InvalidInputException("file", e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("file", "not a usable fault tree: " + e.getMessage());
        }
    }

    private java.util.Optional<StoredFaultTree> find(long id) {
        return jdbc.sql("select * from fault_trees where id = ?")
                .param(id)
                .query(FaultTrees::row)
                .optional();
    }

    private static StoredFaultTree row(ResultSet rs, int n) throws SQLException {
        return new StoredFaultTree(
                rs.getLong("id"),
                rs.getLong("incident_id"),
                rs.getString("name"),
                rs.getString("top_gate"),
                rs.getInt("gates"),
                rs.getInt("basic_events"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("mef_xml"));
    }
}
