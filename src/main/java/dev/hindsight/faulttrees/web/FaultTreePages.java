package dev.hindsight.faulttrees.web;

import dev.hindsight.analysis.FactorCategories;
import dev.hindsight.analysis.FactorKind;
import dev.hindsight.faulttrees.FaultTreeNode;
import dev.hindsight.faulttrees.FaultTreeNodeChange;
import dev.hindsight.faulttrees.FaultTreeNodeForm;
import dev.hindsight.faulttrees.FaultTreeOutline;
import dev.hindsight.faulttrees.FaultTrees;
import dev.hindsight.faulttrees.StoredFaultTree;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The fault tree pages of an incident: list, import and create, and one tree with its editor (an outline whose nodes
 * have small forms, sent with htmx), its drawing and analysis. Without htmx the forms post and redirect back.
 */
@Controller
class FaultTreePages {

    static final String EDITOR = "faulttrees/editor :: editor";

    private final FaultTrees trees;
    private final IncidentManagement incidents;
    private final FactorCategories categories;

    FaultTreePages(FaultTrees trees, IncidentManagement incidents, FactorCategories categories) {
        this.trees = trees;
        this.incidents = incidents;
        this.categories = categories;
    }

    @GetMapping("/incidents/{key}/fault-trees-fragment")
    String fragment(Actor actor, @PathVariable String key, Model model) {
        model.addAttribute("key", key);
        model.addAttribute("trees", trees.list(actor, FaultTreeApi.id(key)));
        return "faulttrees/fragment :: trees";
    }

    @GetMapping("/incidents/{key}/fault-trees")
    String list(Actor actor, @PathVariable String key, Model model) {
        IncidentId id = FaultTreeApi.id(key);
        model.addAttribute("incident", incidents.get(actor, id));
        model.addAttribute("trees", trees.list(actor, id));
        return "faulttrees/list";
    }

    @PostMapping("/incidents/{key}/fault-trees")
    String upload(
            Actor actor,
            @PathVariable String key,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String top,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response)
            throws IOException {
        IncidentId id = FaultTreeApi.id(key);
        try {
            if (file.getSize() > FaultTrees.MAX_XML * 4L) {
                throw new InvalidInputException("file", "too large; analyse it with ./hindsight fta");
            }
            StoredFaultTree stored = trees.importMef(
                    actor,
                    id,
                    name == null || name.isBlank() ? stripExtension(file.getOriginalFilename()) : name,
                    new String(file.getBytes(), StandardCharsets.UTF_8),
                    top);
            redirect.addFlashAttribute("flash", "Imported fault tree " + stored.name() + ".");
            return "redirect:/incidents/" + key + "/fault-trees/" + stored.id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", e.errors());
            return list(actor, key, model);
        }
    }

    @GetMapping("/incidents/{key}/fault-trees/{treeId}")
    String tree(Actor actor, @PathVariable String key, @PathVariable long treeId, Model model) {
        editor(actor, FaultTreeApi.id(key), treeId, model, null, null);
        return "faulttrees/tree";
    }

    @PostMapping("/incidents/{key}/fault-trees/new")
    String create(
            Actor actor,
            @PathVariable String key,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        IncidentId id = FaultTreeApi.id(key);
        try {
            FaultTreeNodeForm top = new FaultTreeNodeForm(
                    "gate",
                    form.get("topName"),
                    form.get("topDescription"),
                    form.get("topType"),
                    "atleast".equals(form.get("topType")) ? integer(form.get("topK"), "top.k") : null,
                    null,
                    null,
                    firstChild(form, "top."));
            StoredFaultTree stored = trees.create(actor, id, form.get("name"), top);
            redirect.addFlashAttribute("flash", "Created fault tree " + stored.name() + ".");
            return "redirect:/incidents/" + key + "/fault-trees/" + stored.id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("createErrors", e.errors());
            model.addAttribute("typed", form);
            return list(actor, key, model);
        }
    }

    @PostMapping("/incidents/{key}/fault-trees/{treeId}/nodes/add")
    String addNode(
            Actor actor,
            @PathVariable String key,
            @PathVariable long treeId,
            @RequestParam Map<String, String> form,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        String parent = form.getOrDefault("parent", "");
        return act(actor, key, treeId, htmx, model, response, "add:" + parent, () -> {
            String kind = form.get("kind");
            boolean gate = "gate".equals(kind);
            FaultTreeNodeForm node = new FaultTreeNodeForm(
                    kind,
                    form.get("name"),
                    form.get("description"),
                    gate ? form.get("type") : null,
                    gate && "atleast".equals(form.get("type")) ? integer(form.get("k"), "k") : null,
                    "basic-event".equals(kind) ? number(form.get("probability"), "probability") : null,
                    "house-event".equals(kind) ? bool(form.get("state")) : null,
                    gate ? firstChild(form, "") : null);
            trees.addNode(actor, FaultTreeApi.id(key), treeId, version(form), parent, node);
        });
    }

    @PostMapping("/incidents/{key}/fault-trees/{treeId}/nodes/update")
    String updateNode(
            Actor actor,
            @PathVariable String key,
            @PathVariable long treeId,
            @RequestParam Map<String, String> form,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        String node = form.getOrDefault("node", "");
        return act(actor, key, treeId, htmx, model, response, "edit:" + node, () -> {
            String name = blankToNull(form.get("name"));
            FaultTreeNodeChange change = new FaultTreeNodeChange(
                    name,
                    form.get("description"),
                    blankToNull(form.get("type")),
                    "atleast".equals(form.get("type")) ? integer(form.get("k"), "k") : null,
                    number(form.get("probability"), "probability"),
                    bool(form.get("state")));
            trees.updateNode(actor, FaultTreeApi.id(key), treeId, version(form), node, change);
        });
    }

    @PostMapping("/incidents/{key}/fault-trees/{treeId}/nodes/remove")
    String removeNode(
            Actor actor,
            @PathVariable String key,
            @PathVariable long treeId,
            @RequestParam Map<String, String> form,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        String parent = form.getOrDefault("parent", "");
        String child = form.getOrDefault("child", "");
        return act(
                actor,
                key,
                treeId,
                htmx,
                model,
                response,
                "remove:" + parent + "/" + child,
                () -> trees.removeNode(actor, FaultTreeApi.id(key), treeId, version(form), parent, child));
    }

    @PostMapping("/incidents/{key}/fault-trees/{treeId}/nodes/promote")
    String promote(
            Actor actor,
            @PathVariable String key,
            @PathVariable long treeId,
            @RequestParam Map<String, String> form,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        String event = form.getOrDefault("event", "");
        return act(
                actor,
                key,
                treeId,
                htmx,
                model,
                response,
                "promote:" + event,
                () -> trees.promote(
                        actor, FaultTreeApi.id(key), treeId, event, form.get("kind"), form.get("category")));
    }

    /**
     * Runs an edit. On success: the editor (htmx) or a redirect to the page. When refused: the editor or page again
     * with the reason beside the form that was sent, and 422 (invalid) or 409 (changed meanwhile).
     */
    private String act(
            Actor actor,
            String key,
            long treeId,
            String htmx,
            Model model,
            HttpServletResponse response,
            String form,
            Runnable change) {
        IncidentId id = FaultTreeApi.id(key);
        String error = null;
        try {
            change.run();
            if (htmx == null) {
                return "redirect:/incidents/" + key + "/fault-trees/" + treeId;
            }
        } catch (InvalidInputException e) {
            response.setStatus(422);
            error = e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        } catch (ConflictException e) {
            response.setStatus(409);
            error = e.getMessage();
        }
        editor(actor, id, treeId, model, form, error);
        return htmx != null ? EDITOR : "faulttrees/tree";
    }

    private void editor(Actor actor, IncidentId id, long treeId, Model model, String errorForm, String error) {
        FaultTreeOutline outline = trees.outline(actor, id, treeId);
        model.addAttribute("incident", incidents.get(actor, id));
        model.addAttribute("tree", outline.tree());
        model.addAttribute("outline", outline);
        model.addAttribute(
                "nodeNames", outline.nodes().stream().map(FaultTreeNode::name).toList());
        model.addAttribute("categories", categories.list());
        model.addAttribute("kinds", FactorKind.values());
        model.addAttribute("errorForm", errorForm == null ? "" : errorForm);
        model.addAttribute("errorMessage", error);
        try {
            model.addAttribute("report", trees.analyse(actor, id, treeId, 10));
        } catch (InvalidInputException e) {
            model.addAttribute("analysisError", e.errors().get(0).message());
        }
    }

    private static FaultTreeNodeForm firstChild(Map<String, String> form, String prefix) {
        String kind = blankToNull(form.get("childKind"));
        if (kind == null) {
            return null;
        }
        return new FaultTreeNodeForm(
                kind,
                form.get("childName"),
                form.get("childDescription"),
                null,
                null,
                "basic-event".equals(kind)
                        ? number(form.get("childProbability"), prefix + "firstChild.probability")
                        : null,
                "house-event".equals(kind) ? bool(form.get("childState")) : null,
                null);
    }

    private static int version(Map<String, String> form) {
        Integer v = integer(form.get("version"), "version");
        if (v == null) {
            throw new InvalidInputException("version", "is required");
        }
        return v;
    }

    private static Integer integer(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + s + "' is not a whole number");
        }
    }

    private static Double number(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + s + "' is not a number");
        }
    }

    private static Boolean bool(String s) {
        return s == null || s.isBlank() ? null : Boolean.valueOf(s.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @GetMapping("/incidents/{key}/fault-trees/{treeId}/svg")
    ResponseEntity<String> svg(Actor actor, @PathVariable String key, @PathVariable long treeId) {
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .body(trees.svg(actor, FaultTreeApi.id(key), treeId));
    }

    @PostMapping("/incidents/{key}/fault-trees/{treeId}/remove")
    String remove(Actor actor, @PathVariable String key, @PathVariable long treeId, RedirectAttributes redirect) {
        trees.remove(actor, FaultTreeApi.id(key), treeId);
        redirect.addFlashAttribute("flash", "Removed the fault tree.");
        return "redirect:/incidents/" + key + "/fault-trees";
    }

    private static String stripExtension(String filename) {
        if (filename == null || filename.isBlank()) {
            return null;
        }
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }
}
