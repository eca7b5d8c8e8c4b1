package dev.hindsight.faulttrees.web;

import dev.hindsight.engines.faulttree.FaultTreeReport;
import dev.hindsight.faulttrees.FaultTrees;
import dev.hindsight.faulttrees.StoredFaultTree;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.InvalidInputException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fault trees over the API: POST Open-PSA MEF XML as the body ({@code Content-Type: application/xml}), then read the
 * analysis, the SVG drawing and the MEF export.
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
            OffsetDateTime createdAt) {
        static TreeView of(StoredFaultTree t) {
            return new TreeView(
                    t.id(), t.name(), t.topGate(), t.gates(), t.basicEvents(), t.createdBy(), t.createdAt());
        }
    }

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

    @GetMapping("/{treeId}")
    TreeView get(Actor actor, @PathVariable String key, @PathVariable long treeId) {
        return TreeView.of(trees.get(actor, id(key), treeId));
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
