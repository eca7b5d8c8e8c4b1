package dev.hindsight.accounts.web;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.accounts.IssuedToken;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.InvalidInputException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The login page and the signed-in user's own account: password and API tokens. */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final ObjectProvider<ClientRegistrationRepository> oidcClients;

    AccountPages(Accounts accounts, ApiTokens tokens, ObjectProvider<ClientRegistrationRepository> oidcClients) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.oidcClients = oidcClients;
    }

    @GetMapping("/login")
    String login(Model model) {
        ClientRegistrationRepository clients = oidcClients.getIfAvailable();
        if (clients instanceof Iterable<?> iterable) {
            var ids = StreamSupport.stream(iterable.spliterator(), false)
                    .map(c -> ((ClientRegistration) c).getRegistrationId())
                    .collect(Collectors.toList());
            if (!ids.isEmpty()) {
                model.addAttribute("oidcLogin", "/oauth2/authorization/" + ids.get(0));
            }
        }
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/incidents";
    }

    @GetMapping("/account")
    String account(Actor actor, Model model) {
        model.addAttribute("user", accounts.findById(actor.userId()).orElseThrow());
        model.addAttribute("tokens", tokens.list(actor));
        return "account/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            Actor actor,
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            Model model,
            RedirectAttributes redirect) {
        try {
            accounts.changeOwnPassword(actor, currentPassword, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("passwordErrors", e.errors());
            return account(actor, model);
        }
        redirect.addFlashAttribute("flash", "Your password was changed.");
        return "redirect:/account";
    }

    @PostMapping("/account/tokens")
    String createToken(Actor actor, @RequestParam String name, Model model) {
        try {
            IssuedToken issued = tokens.create(actor, name);
            model.addAttribute("issued", issued);
        } catch (InvalidInputException e) {
            model.addAttribute("tokenErrors", e.errors());
        }
        return account(actor, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(actor, id);
        redirect.addFlashAttribute("flash", "The token was revoked.");
        return "redirect:/account";
    }
}
