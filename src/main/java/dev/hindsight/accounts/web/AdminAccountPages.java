package dev.hindsight.accounts.web;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.UserForm;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for users and teams. The security configuration limits /admin to admins. */
@Controller
class AdminAccountPages {

    private final Accounts accounts;

    AdminAccountPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin")
    String index() {
        return "admin/index";
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("teams", accounts.teams());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String createUser(Actor actor, UserForm form, Model model, RedirectAttributes redirect) {
        try {
            accounts.create(actor, form);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("form", form);
            return users(model);
        } catch (ConflictException e) {
            model.addAttribute("errors", List.of(new dev.hindsight.shared.FieldError("username", e.getMessage())));
            model.addAttribute("form", form);
            return users(model);
        }
        redirect.addFlashAttribute("flash", "Created user " + form.username() + ".");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/role")
    String changeRole(Actor actor, @PathVariable long id, @RequestParam String role, RedirectAttributes redirect) {
        var user = accounts.findById(id).orElseThrow(() -> new NotFoundException("No user with id " + id));
        try {
            accounts.update(actor, id, new UserForm(user.username(), user.displayName(), user.email(), role, null));
            redirect.addFlashAttribute("flash", user.username() + " is now " + role + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", "Not changed: " + e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/enabled")
    String enable(Actor actor, @PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            accounts.setEnabled(actor, id, enabled);
            redirect.addFlashAttribute(
                    "flash", enabled ? "Account enabled." : "Account disabled; its tokens stop working.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", "Not changed: " + e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/teams")
    String createTeam(
            Actor actor,
            @RequestParam String name,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) List<Long> members,
            RedirectAttributes redirect) {
        try {
            accounts.createTeam(actor, name, description, members == null ? List.of() : members);
            redirect.addFlashAttribute("flash", "Created team " + name + ".");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("flash", "Team not created: " + e.getMessage());
        }
        return "redirect:/admin/users";
    }
}
