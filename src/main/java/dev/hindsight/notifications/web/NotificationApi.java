package dev.hindsight.notifications.web;

import dev.hindsight.notifications.InboxItem;
import dev.hindsight.notifications.Notifications;
import dev.hindsight.notifications.Preferences;
import dev.hindsight.shared.Actor;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's inbox and preferences in the JSON API. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApi {

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    record InboxView(long unread, List<InboxItem> items) {}

    @GetMapping
    InboxView inbox(Actor actor, @RequestParam(defaultValue = "50") int limit) {
        return new InboxView(notifications.unreadCount(actor), notifications.inbox(actor, limit));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(Actor actor, @PathVariable long id) {
        notifications.markRead(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/preferences")
    Preferences preferences(Actor actor) {
        return notifications.preferences(actor.userId());
    }

    @PutMapping("/preferences")
    Preferences savePreferences(Actor actor, @RequestBody Preferences preferences) {
        return notifications.savePreferences(actor, preferences);
    }
}
