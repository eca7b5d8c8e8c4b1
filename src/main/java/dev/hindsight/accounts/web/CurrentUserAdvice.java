package dev.hindsight.accounts.web;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.internal.HindsightPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user ({@code me}) into every page's model for the navigation bar. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final Accounts accounts;

    CurrentUserAdvice(Accounts accounts) {
        this.accounts = accounts;
    }

    /** What pages need to know about the viewer. */
    public record Me(long id, String username, String displayName, boolean canEdit, boolean admin) {}

    @ModelAttribute("me")
    Me me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof HindsightPrincipal principal)) {
            return null;
        }
        return accounts.findById(principal.userId())
                .map(u -> new Me(
                        u.id(),
                        u.username(),
                        u.displayName(),
                        u.role().includes(dev.hindsight.shared.Role.EDITOR),
                        u.role() == dev.hindsight.shared.Role.ADMIN))
                .orElse(null);
    }
}
