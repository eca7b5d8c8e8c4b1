package dev.hindsight.catalog.web;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.catalog.ServiceCatalog;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of the service catalog. */
@Controller
class CatalogPages {

    private final ServiceCatalog catalog;
    private final Accounts accounts;

    CatalogPages(ServiceCatalog catalog, Accounts accounts) {
        this.catalog = catalog;
        this.accounts = accounts;
    }

    @GetMapping("/admin/services")
    String services(Model model) {
        model.addAttribute("services", catalog.list());
        model.addAttribute("teams", accounts.teams());
        return "admin/services";
    }

    @PostMapping("/admin/services")
    String create(
            Actor actor,
            @RequestParam String name,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) Long teamId,
            RedirectAttributes redirect) {
        try {
            catalog.create(actor, name, description, teamId);
            redirect.addFlashAttribute("flash", "Added service " + name + ".");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("flash", "Service not added: " + e.getMessage());
        }
        return "redirect:/admin/services";
    }
}
