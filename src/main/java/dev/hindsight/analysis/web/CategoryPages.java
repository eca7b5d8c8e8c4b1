package dev.hindsight.analysis.web;

import dev.hindsight.analysis.FactorCategories;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page for the taxonomy of contributing-factor categories. */
@Controller
class CategoryPages {

    private final FactorCategories categories;

    CategoryPages(FactorCategories categories) {
        this.categories = categories;
    }

    @GetMapping("/admin/factor-categories")
    String list(Model model) {
        model.addAttribute("categories", categories.list());
        return "admin/factor-categories";
    }

    @PostMapping("/admin/factor-categories")
    String define(
            Actor actor,
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String description,
            RedirectAttributes redirect) {
        try {
            categories.define(actor, key, description);
            redirect.addFlashAttribute("flash", "Added category " + key.strip() + ".");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("flash", "Category not added: " + e.getMessage());
        }
        return "redirect:/admin/factor-categories";
    }
}
