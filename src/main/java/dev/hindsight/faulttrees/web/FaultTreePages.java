package dev.hindsight.faulttrees.web;

import dev.hindsight.faulttrees.FaultTrees;
import dev.hindsight.faulttrees.StoredFaultTree;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The fault tree pages of an incident: list and import, and one tree with its drawing and analysis. */
@Controller
class FaultTreePages {

    private final FaultTrees trees;
    private final IncidentManagement incidents;

    FaultTreePages(FaultTrees trees, IncidentManagement incidents) {
        this.trees = trees;
        this.incidents = incidents;
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
        IncidentId id = FaultTreeApi.id(key);
        model.addAttribute("incident", incidents.get(actor, id));
        model.addAttribute("tree", trees.get(actor, id, treeId));
        try {
            model.addAttribute("report", trees.analyse(actor, id, treeId, 10));
        } catch (InvalidInputException e) {
            model.addAttribute("analysisError", e.errors().get(0).message());
        }
        return "faulttrees/tree";
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
