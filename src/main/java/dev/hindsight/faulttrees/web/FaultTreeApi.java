package dev.hindsight.faulttrees.web;

import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.engines.faulttree.FaultTreeReport;
import dev.hindsight.faulttrees.FaultTreeNode;
import dev.hindsight.faulttrees.FaultTreeNodeChange;
import dev.hindsight.faulttrees.FaultTreeNodeForm;
import dev.hindsight.faulttrees.FaultTreeOutline;
import dev.hindsight.faulttrees.FaultTrees;
import dev.hindsight.faulttrees.StoredFaultTree;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ExpectedVersion;
import dev.hindsight.shared.InvalidInputException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fault trees over the API: POST Open-PSA MEF XML as the body ({@code Content-Type: application/xml}) or create one
 * from scratch with JSON, edit its gates and events (each edit names the version it was based on, as {@code If-Match}
 * or {@code version}), promote basic events to contributing factors, then read the analysis, the SVG drawing and the
 * MEF export.
 */
@RestController
@RequestMapping("/api/v1/incidents/{key}/fault-trees")
class FaultTreeApi {

    private final FaultTrees trees;

    FaultTreeApi(FaultTrees trees) {
        this.trees = trees;
    }

    record TreeView(
            long id,
            String name,
            String topGate,
            int gates,
            int basicEvents,
            String createdBy,
            OffsetDateTime createdAt,
            int version) {
        static TreeView of(StoredFaultTree t) {
            return new TreeView(
                    t.id(),
                    t.name(),
                    t.topGate(),
                    t.gates(),
                    t.basicEvents(),
                    t.createdBy(),
                    t.createdAt(),
                    t.version());
        }
    }

    record CreateRequest(String name, FaultTreeNodeForm top) {}

    record NodeRequest(
            Integer version,
            String kind,
            String name,
            String description,
            String type,
            Integer k,
            Double probability,
            Boolean state,
            FaultTreeNodeForm firstChild) {
        FaultTreeNodeForm form() {
            return new FaultTreeNodeForm(kind, name, description, type, k, probability, state, firstChild);
        }
    }

    record ChangeRequest(
            Integer version,
            String name,
            String description,
            String type,
            Integer k,
            Double probability,
            Boolean state) {
        FaultTreeNodeChange change() {
            return new FaultTreeNodeChange(name, description, type, k, probability, state);
        }
    }

    record PromoteRequest(String kind, String category) {}

    record NodesView(long treeId, int version, String top, List<FaultTreeNode> nodes) {
        static NodesView of(FaultTreeOutline outline) {
            return new NodesView(
                    outline.tree().id(),
                    outline.tree().version(),
                    outline.tree().topGate(),
                    outline.nodes());
        }
    }

    record PromotedView(long factorId, String kind, String title, String category) {}

    @GetMapping
    List<TreeView> list(Actor actor, @PathVariable String key) {
        return trees.list(actor, id(key)).stream().map(TreeView::of).toList();
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<TreeView> create(
            Actor actor,
            @PathVariable String key,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String top,
            @RequestBody String xml) {
        StoredFaultTree stored = trees.importMef(actor, id(key), name, xml, top);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + key + "/fault-trees/" + stored.id()))
                .body(TreeView.of(stored));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TreeView> createFromScratch(
            Actor actor, @PathVariable String key, @RequestBody CreateRequest request) {
        StoredFaultTree stored = trees.create(actor, id(key), request.name(), request.top());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + key + "/fault-trees/" + stored.id()))
                .eTag(ExpectedVersion.etag(stored.version()))
                .body(TreeView.of(stored));
    }

    @GetMapping("/{treeId}")
    ResponseEntity<TreeView> get(Actor actor, @PathVariable String key, @PathVariable long treeId) {
        StoredFaultTree stored = trees.get(actor, id(key), treeId);
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(stored.version())).body(TreeView.of(stored));
    }

    @GetMapping("/{treeId}/nodes")
    ResponseEntity<NodesView> nodes(Actor actor, @PathVariable String key, @PathVariable long treeId) {
        return nodesOf(actor, key, treeId);
    }

    @PostMapping("/{treeId}/gates/{gate}/children")
    ResponseEntity<NodesView> addNode(
            Actor actor,
            @PathVariable String key,
            @PathVariable long treeId,
            @PathVariable String gate,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody NodeRequest request) {
        int version = ExpectedVersion.from(ifMatch, request.version());
        trees.addNode(actor, id(key), treeId, version, gate, request.form());
        return nodesOf(actor, key, treeId);
    }

    @PatchMapping("/{treeId}/nodes/{node}")
    ResponseEntity<NodesView> updateNode(
            Actor actor,
            @PathVariable String key,
            @PathVariable long treeId,
            @PathVariable String node,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ChangeRequest request) {
        int version = ExpectedVersion.from(ifMatch, request.version());
        trees.updateNode(actor, id(key), treeId, version, node, request.change());
        return nodesOf(actor, key, treeId);
    }

    @DeleteMapping("/{treeId}/gates/{gate}/children/{child}")
    ResponseEntity<NodesView> removeNode(
            Actor actor,
            @PathVariable String key,
            @PathVariable long treeId,
            @PathVariable String gate,
            @PathVariable String child,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) Integer version) {
        trees.removeNode(actor, id(key), treeId, ExpectedVersion.from(ifMatch, version), gate, child);
        return nodesOf(actor, key, treeId);
    }

    @PostMapping("/{treeId}/events/{event}/promote")
    ResponseEntity<PromotedView> promote(
            Actor actor,
            @PathVariable String key,
            @PathVariable long treeId,
            @PathVariable String event,
            @RequestBody PromoteRequest request) {
        ContributingFactor factor = trees.promote(actor, id(key), treeId, event, request.kind(), request.category());
        return ResponseEntity.status(201)
                .body(new PromotedView(factor.id(), factor.kind().name(), factor.title(), factor.category()));
    }

    private ResponseEntity<NodesView> nodesOf(Actor actor, String key, long treeId) {
        FaultTreeOutline outline = trees.outline(actor, id(key), treeId);
        return ResponseEntity.ok()
                .eTag(ExpectedVersion.etag(outline.tree().version()))
                .body(NodesView.of(outline));
    }

    @GetMapping("/{treeId}/analysis")
    FaultTreeReport analysis(
            Actor actor,
            @PathVariable String key,
            @PathVariable long treeId,
            @RequestParam(defaultValue = "10") int top) {
        if (top < 1 || top > 1000) {
            throw new InvalidInputException("top", "1 to 1000");
        }
        return trees.analyse(actor, id(key), treeId, top);
    }

    @GetMapping(value = "/{treeId}/svg", produces = "image/svg+xml")
    String svg(Actor actor, @PathVariable String key, @PathVariable long treeId) {
        return trees.svg(actor, id(key), treeId);
    }

    @GetMapping(value = "/{treeId}/mef", produces = MediaType.APPLICATION_XML_VALUE)
    String mef(Actor actor, @PathVariable String key, @PathVariable long treeId) {
        return trees.exportMef(actor, id(key), treeId);
    }

    @DeleteMapping("/{treeId}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable String key, @PathVariable long treeId) {
        trees.remove(actor, id(key), treeId);
        return ResponseEntity.noContent().build();
    }

    static IncidentId id(String key) {
        return IncidentId.fromKey(key);
    }
}
