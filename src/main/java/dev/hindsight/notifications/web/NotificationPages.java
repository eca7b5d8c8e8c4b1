package dev.hindsight.notifications.web;

import dev.hindsight.notifications.Notifications;
import dev.hindsight.notifications.Preferences;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.InvalidInputException;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * The inbox (with the user's channel preferences), the unread count in the page header (an htmx fragment), and the
 * admin page for webhooks and the delivery log.
 */
@Controller
class NotificationPages {

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/inbox")
    String inbox(Actor actor, Model model) {
        model.addAttribute("items", notifications.inbox(actor, 200));
        model.addAttribute("unread", notifications.unreadCount(actor));
        model.addAttribute("preferences", notifications.preferences(actor.userId()));
        model.addAttribute("emailEnabled", notifications.emailEnabled());
        return "notifications/inbox";
    }

    @GetMapping(value = "/inbox/count", produces = "text/html")
    @ResponseBody
    String count(Actor actor) {
        long unread = notifications.unreadCount(actor);
        return unread == 0
                ? "Inbox"
                : "Inbox <span class=\"badge\" id=\"unread-count\">" + HtmlUtils.htmlEscape(String.valueOf(unread))
                        + "</span>";
    }

    @PostMapping("/inbox/{id}/read")
    String read(Actor actor, @PathVariable long id) {
        notifications.markRead(actor, id);
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/read-all")
    String readAll(Actor actor, RedirectAttributes redirect) {
        notifications.markAllRead(actor);
        redirect.addFlashAttribute("flash", "All marked read.");
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/preferences")
    String preferences(
            Actor actor,
            @RequestParam(defaultValue = "false") boolean inApp,
            @RequestParam(defaultValue = "false") boolean email,
            @RequestParam(defaultValue = "false") boolean weeklyDigest,
            RedirectAttributes redirect) {
        notifications.savePreferences(actor, new Preferences(inApp, email, weeklyDigest));
        redirect.addFlashAttribute("flash", "Preferences saved.");
        return "redirect:/inbox";
    }

    @GetMapping("/admin/notifications")
    String admin(Actor actor, Model model) {
        model.addAttribute("webhooks", notifications.webhooks(actor));
        model.addAttribute("deliveries", notifications.deliveries(actor, 200));
        model.addAttribute("emailEnabled", notifications.emailEnabled());
        return "notifications/admin";
    }

    @PostMapping("/admin/webhooks")
    String addWebhook(
            Actor actor,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String secret,
            RedirectAttributes redirect) {
        try {
            notifications.addWebhook(actor, name, url, secret);
            redirect.addFlashAttribute("flash", "Added webhook " + name.strip() + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "flash",
                    "Webhook not added: "
                            + e.errors().stream()
                                    .map(f -> f.field() + " " + f.message())
                                    .collect(Collectors.joining("; ")));
        }
        return "redirect:/admin/notifications";
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String removeWebhook(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        notifications.removeWebhook(actor, id);
        redirect.addFlashAttribute("flash", "Webhook removed.");
        return "redirect:/admin/notifications";
    }
}
