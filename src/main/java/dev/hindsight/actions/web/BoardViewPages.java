package dev.hindsight.actions.web;

import dev.hindsight.actions.ActionId;
import dev.hindsight.actions.ActionItem;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.actions.BulkChange;
import dev.hindsight.actions.SavedView;
import dev.hindsight.actions.SavedViews;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The board's saved views (save, delete) and bulk changes, posted from the board page. */
@Controller
class BoardViewPages {

    private final SavedViews views;
    private final ActionItems actions;

    BoardViewPages(SavedViews views, ActionItems actions) {
        this.views = views;
        this.actions = actions;
    }

    @PostMapping("/actions/views")
    String save(
            Actor actor,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String query,
            @RequestParam(defaultValue = "false") boolean shared,
            RedirectAttributes redirect) {
        try {
            SavedView view = views.save(actor, name, query, shared);
            redirect.addFlashAttribute("flash", "Saved view '" + view.name() + "'.");
            return "redirect:/actions" + (view.query().isEmpty() ? "" : "?" + view.query());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", "View not saved: " + describe(e));
        } catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("flash", "View not saved: " + e.getMessage());
        }
        return "redirect:/actions" + safeQuery(query);
    }

    @PostMapping("/actions/views/{id}/delete")
    String delete(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            views.delete(actor, id);
            redirect.addFlashAttribute("flash", "Deleted the view.");
        } catch (NotFoundException | ForbiddenException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/actions";
    }

    @PostMapping("/actions/bulk")
    String bulk(
            Actor actor,
            @RequestParam(name = "selected", required = false) List<String> selected,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "") String owner,
            @RequestParam(defaultValue = "") String priority,
            @RequestParam(defaultValue = "") String dueDate,
            @RequestParam(defaultValue = "") String query,
            RedirectAttributes redirect) {
        List<BulkChange.Target> targets = new ArrayList<>();
        for (String s : selected == null ? List.<String>of() : selected) {
            int colon = s.lastIndexOf(':');
            if (colon > 0) {
                var id = ActionId.parse(s.substring(0, colon));
                try {
                    int version = Integer.parseInt(s.substring(colon + 1));
                    id.ifPresent(a -> targets.add(new BulkChange.Target(a, version)));
                } catch (NumberFormatException ignored) {
                    // a tampered value selects nothing
                }
            }
        }
        try {
            List<ActionItem> changed =
                    actions.bulkChange(actor, new BulkChange(targets, status, reason, owner, priority, dueDate));
            redirect.addFlashAttribute(
                    "flash",
                    "Changed " + changed.size() + " action(s): "
                            + changed.stream().map(ActionItem::key).collect(Collectors.joining(", ")) + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", "Nothing changed: " + describe(e));
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/actions" + safeQuery(query);
    }

    private static String describe(InvalidInputException e) {
        return e.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    private static String safeQuery(String query) {
        try {
            String normal = SavedViews.normalize(query);
            return normal.isEmpty() ? "" : "?" + normal;
        } catch (InvalidInputException e) {
            return "";
        }
    }
}
