package dev.hindsight.faulttrees;

import dev.hindsight.analysis.AnalysisMethod;
import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.FactorForm;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.engines.faulttree.AnalysisTimeoutException;
import dev.hindsight.engines.faulttree.BasicEvent;
import dev.hindsight.engines.faulttree.Connective;
import dev.hindsight.engines.faulttree.FaultTree;
import dev.hindsight.engines.faulttree.FaultTreeAnalysis;
import dev.hindsight.engines.faulttree.FaultTreeReport;
import dev.hindsight.engines.faulttree.FaultTreeSvg;
import dev.hindsight.engines.faulttree.Formula;
import dev.hindsight.engines.faulttree.Gate;
import dev.hindsight.engines.faulttree.HouseEvent;
import dev.hindsight.engines.faulttree.MefException;
import dev.hindsight.engines.faulttree.MefExporter;
import dev.hindsight.engines.faulttree.MefImporter;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fault trees of an incident: import, create and edit, list, analyse, draw, export, remove, and promote basic events
 * to contributing factors. A tree is stored as Open-PSA MEF XML: an edit reads the stored model, changes it through
 * {@link TreeDraft} (which keeps it valid) and stores the engine's MEF export of the result, so analysis, drawing and
 * export work the same for imported and edited trees. Every change is audited; a refused change changes nothing.
 */
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
    private final RootCauseAnalysis factors;

    FaultTrees(
            JdbcClient jdbc, IncidentManagement incidents, AuditTrail audit, Clock clock, RootCauseAnalysis factors) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.factors = factors;
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
        long id = insert(incident, finalName, tree, xml, actor);
        audit.record(
                incident.id().value(),
                actor,
                "fault-tree-imported",
                "Imported fault tree " + finalName + " (" + tree.gates().size() + " gates, "
                        + tree.basicEvents().size() + " basic events)",
                List.of(new FieldChange("faultTrees", null, finalName)));
        return find(id).orElseThrow();
    }

    private long insert(Incident incident, String name, FaultTree tree, String xml, Actor actor) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fault_trees (incident_id, name, top_gate, mef_xml, gates, basic_events, created_by,
                            created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        incident.id().value(),
                        name,
                        tree.top(),
                        xml,
                        tree.gates().size(),
                        tree.basicEvents().size(),
                        actor.username(),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Creates a tree from scratch: a top gate with its first input (a gate always has at least one).
     * {@link InvalidInputException} naming the field ({@code name}, {@code top.name}, {@code top.firstChild.name},
     * ...) when a rule is broken; nothing is stored then.
     */
    @Transactional
    public StoredFaultTree create(Actor actor, IncidentId incidentId, String name, FaultTreeNodeForm top) {
        actor.require(Role.EDITOR);
        Incident incident = incidents.get(actor, incidentId);
        String title = name == null ? "" : name.strip();
        List<FieldError> errors = new ArrayList<>();
        if (title.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (title.length() > 200) {
            errors.add(new FieldError("name", "at most 200 characters"));
        }
        TreeDraft draft = null;
        try {
            draft = TreeDraft.create(title.isEmpty() ? "tree" : title, top);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        FaultTree tree = draft.toTree();
        long id = insert(incident, title, tree, new MefExporter().write(tree), actor);
        audit.record(
                incident.id().value(),
                actor,
                "fault-tree-created",
                "Created fault tree " + title + " with top gate " + tree.top(),
                List.of(new FieldChange("faultTrees", null, title)));
        return find(id).orElseThrow();
    }

    /**
     * Adds a node as the last input of gate {@code parent}, on the tree as seen at {@code expectedVersion}: a new gate
     * (with its first input), basic event or house event, or an existing node placed under one more gate.
     * {@link InvalidInputException} naming the field for a broken rule (unknown type, duplicate name, k out of range,
     * probability outside [0, 1], a cycle, a second input under a NOT gate); {@link ConflictException} when the tree
     * changed since; {@link NotFoundException} for an unknown parent gate.
     */
    @Transactional
    public StoredFaultTree addNode(
            Actor actor, IncidentId incidentId, long id, int expectedVersion, String parent, FaultTreeNodeForm form) {
        return edit(actor, incidentId, id, expectedVersion, draft -> {
            String child = draft.add(parent, form);
            return new Change(
                    "Added " + draft.kindOf(child) + " " + child + " under " + parent,
                    List.of(new FieldChange("node", null, child)));
        });
    }

    /** Changes a gate's or event's name, description, type, k, probability or state; rules as for {@link #addNode}. */
    @Transactional
    public StoredFaultTree updateNode(
            Actor actor, IncidentId incidentId, long id, int expectedVersion, String node, FaultTreeNodeChange change) {
        StoredFaultTree after = edit(actor, incidentId, id, expectedVersion, draft -> {
            List<String> made = draft.update(node, change);
            return new Change(
                    "Changed "
                            + draft.kindOf(
                                    change.name() == null ? node : change.name().strip()) + " " + node
                            + (made.isEmpty() ? " (nothing different)" : ": " + String.join(", ", made)),
                    List.of(new FieldChange(
                            "node",
                            node,
                            change.name() == null ? node : change.name().strip())));
        });
        if (change.name() != null && !change.name().strip().equals(node)) {
            jdbc.sql("update fault_tree_factors set event_name = ? where tree_id = ? and event_name = ?")
                    .params(change.name().strip(), id, node)
                    .update();
        }
        return after;
    }

    /**
     * Detaches {@code child} from gate {@code parent}; a node no other gate uses is deleted, with the inputs below it
     * that nothing else uses. Refused (422, field {@code child}) when it would leave a gate without inputs, a NOT gate
     * without its input, or an atleast gate with fewer inputs than k.
     */
    @Transactional
    public StoredFaultTree removeNode(
            Actor actor, IncidentId incidentId, long id, int expectedVersion, String parent, String child) {
        List<String> deleted = new ArrayList<>();
        StoredFaultTree after = edit(actor, incidentId, id, expectedVersion, draft -> {
            String kind = draft.kindOf(child);
            deleted.addAll(draft.detach(parent, child));
            return new Change(
                    (deleted.contains(child) ? "Removed " : "Detached ") + kind + " " + child + " from " + parent
                            + (deleted.size() > 1
                                    ? " (also removed " + (deleted.size() - 1) + " node(s) below it)"
                                    : ""),
                    List.of(new FieldChange("node", child, deleted.contains(child) ? null : child)));
        });
        for (String name : deleted) {
            jdbc.sql("delete from fault_tree_factors where tree_id = ? and event_name = ?")
                    .params(id, name)
                    .update();
        }
        return after;
    }

    /** The tree's gates and events, and its outline from the top gate. */
    public FaultTreeOutline outline(Actor actor, IncidentId incidentId, long id) {
        StoredFaultTree stored = get(actor, incidentId, id);
        FaultTree tree = parse(stored.mefXml(), stored.topGate());
        Map<String, Long> promoted = promotions(id);
        Map<Long, ContributingFactor> byId = new HashMap<>();
        if (!promoted.isEmpty()) {
            for (ContributingFactor f : factors.factorsOf(actor, incidentId)) {
                byId.put(f.id(), f);
            }
        }
        Map<String, Integer> parents = new HashMap<>();
        for (Gate g : tree.gates().values()) {
            for (String ref : new java.util.LinkedHashSet<>(FaultTree.references(g.formula()))) {
                parents.merge(ref, 1, Integer::sum);
            }
        }
        Map<String, FaultTreeNode> nodes = new LinkedHashMap<>();
        for (Gate g : tree.gates().values()) {
            Formula f = g.formula();
            nodes.put(
                    g.name(),
                    new FaultTreeNode(
                            g.name(),
                            "gate",
                            f.connective().mefName(),
                            f.connective() == Connective.ATLEAST ? f.min() : null,
                            g.label(),
                            null,
                            null,
                            FaultTree.references(f),
                            parents.getOrDefault(g.name(), 0),
                            null,
                            null));
        }
        for (BasicEvent e : tree.basicEvents().values()) {
            Long factorId = promoted.get(e.name());
            ContributingFactor factor = factorId == null ? null : byId.get(factorId);
            nodes.put(
                    e.name(),
                    new FaultTreeNode(
                            e.name(),
                            "basic-event",
                            null,
                            null,
                            e.label(),
                            Double.isNaN(e.probability()) ? null : e.probability(),
                            null,
                            List.of(),
                            parents.getOrDefault(e.name(), 0),
                            factor == null ? null : factor.id(),
                            factor == null ? null : factor.kind().label()));
        }
        for (HouseEvent e : tree.houseEvents().values()) {
            nodes.put(
                    e.name(),
                    new FaultTreeNode(
                            e.name(),
                            "house-event",
                            null,
                            null,
                            e.label(),
                            null,
                            e.state(),
                            List.of(),
                            parents.getOrDefault(e.name(), 0),
                            null,
                            null));
        }
        return new FaultTreeOutline(
                stored, List.copyOf(nodes.values()), item(nodes, tree.top(), null, new java.util.HashSet<>()));
    }

    private static FaultTreeOutline.Item item(
            Map<String, FaultTreeNode> nodes, String name, String parent, java.util.Set<String> expanded) {
        FaultTreeNode node = nodes.get(name);
        if (!expanded.add(name)) {
            return new FaultTreeOutline.Item(node, parent, true, List.of());
        }
        List<FaultTreeOutline.Item> children = new ArrayList<>();
        for (String child : node.children()) {
            children.add(item(nodes, child, name, expanded));
        }
        return new FaultTreeOutline.Item(node, parent, false, children);
    }

    /**
     * Promotes a basic event to a root cause or contributing factor of the incident: {@link RootCauseAnalysis#add}
     * creates the factor (title from the event's description or name, method fault tree) and the event keeps a link to
     * it. {@link InvalidInputException} for an unknown kind or category, a node that is not a basic event, or an event
     * already promoted.
     */
    @Transactional
    public ContributingFactor promote(
            Actor actor, IncidentId incidentId, long id, String event, String kind, String category) {
        actor.require(Role.EDITOR);
        StoredFaultTree stored = lock(actor, incidentId, id);
        FaultTree tree = parse(stored.mefXml(), stored.topGate());
        BasicEvent basic = tree.basicEvents().get(event);
        if (basic == null) {
            throw new InvalidInputException(
                    "event",
                    tree.gates().containsKey(event) || tree.houseEvents().containsKey(event)
                            ? "'" + event + "' is not a basic event; only basic events can be promoted"
                            : "no basic event '" + event + "' in this tree");
        }
        Long existing = promotions(id).get(event);
        if (existing != null) {
            throw new InvalidInputException("event", "'" + event + "' is already promoted (factor " + existing + ")");
        }
        List<String> above = tree.gates().values().stream()
                .filter(g -> FaultTree.references(g.formula()).contains(event))
                .map(Gate::name)
                .toList();
        String title = basic.label() != null ? basic.label() : event;
        String description = "Fault tree \"" + stored.name() + "\": basic event " + event
                + (Double.isNaN(basic.probability()) ? "" : " (probability " + basic.probability() + ")")
                + " under " + String.join(", ", above) + ".";
        ContributingFactor factor = factors.add(
                actor,
                incidentId,
                new FactorForm(
                        kind,
                        shorten(title, 200),
                        category,
                        shorten(description, 5000),
                        AnalysisMethod.FAULT_TREE.name(),
                        List.of()));
        jdbc.sql("insert into fault_tree_factors (tree_id, event_name, factor_id) values (?, ?, ?)")
                .params(id, event, factor.id())
                .update();
        audit.record(
                stored.incidentId(),
                actor,
                "fault-tree-event-promoted",
                "Promoted basic event " + event + " of fault tree " + stored.name() + " to "
                        + factor.kind().label() + " (" + factor.category() + ")",
                List.of(
                        new FieldChange("kind", null, factor.kind().name()),
                        new FieldChange("category", null, factor.category()),
                        new FieldChange("factorId", null, String.valueOf(factor.id()))));
        return factor;
    }

    private record Change(String summary, List<FieldChange> changes) {}

    private StoredFaultTree edit(
            Actor actor,
            IncidentId incidentId,
            long id,
            int expectedVersion,
            java.util.function.Function<TreeDraft, Change> change) {
        actor.require(Role.EDITOR);
        StoredFaultTree stored = lock(actor, incidentId, id);
        if (stored.version() != expectedVersion) {
            throw stale(stored);
        }
        TreeDraft draft = TreeDraft.of(parse(stored.mefXml(), stored.topGate()));
        Change made = change.apply(draft);
        FaultTree tree;
        try {
            tree = draft.toTree();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("tree", e.getMessage());
        }
        String xml = new MefExporter().write(tree);
        if (xml.length() > MAX_XML) {
            throw new InvalidInputException("tree", "would be larger than " + MAX_XML + " characters of MEF XML");
        }
        int updated = jdbc.sql("""
                        update fault_trees set mef_xml = ?, top_gate = ?, gates = ?, basic_events = ?,
                            version = version + 1
                        where id = ? and version = ?""")
                .params(xml, tree.top(), tree.gates().size(), tree.basicEvents().size(), id, expectedVersion)
                .update();
        if (updated != 1) {
            throw stale(find(id).orElseThrow());
        }
        audit.record(
                stored.incidentId(),
                actor,
                "fault-tree-edited",
                made.summary() + " in fault tree " + stored.name(),
                made.changes());
        return find(id).orElseThrow();
    }

    private StoredFaultTree lock(Actor actor, IncidentId incidentId, long id) {
        get(actor, incidentId, id);
        return jdbc.sql("select * from fault_trees where id = ? for update")
                .param(id)
                .query(FaultTrees::row)
                .single();
    }

    private Map<String, Long> promotions(long treeId) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("select event_name, factor_id from fault_tree_factors where tree_id = ?")
                .param(treeId)
                .query(rs -> {
                    out.put(rs.getString("event_name"), rs.getLong("factor_id"));
                });
        return out;
    }

    private static ConflictException stale(StoredFaultTree now) {
        return new ConflictException(
                "The fault tree " + now.name() + " was changed by someone else since you opened it (it is now at"
                        + " version " + now.version() + "). Your change was not saved: reload, then apply it again.",
                now.version());
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
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
                rs.getString("mef_xml"),
                rs.getInt("version"));
    }
}
