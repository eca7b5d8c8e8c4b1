package dev.hindsight.trackers.web;

import dev.hindsight.actions.ActionId;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.trackers.Ticket;
import dev.hindsight.trackers.TrackerSync;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An action's tracker ticket ({@code /api/v1/actions/ACT-7/ticket}) and the trackers' webhooks
 * ({@code /api/v1/webhooks/github}, {@code /api/v1/webhooks/jira}), which are authenticated by signature only.
 */
@RestController
@RequestMapping("/api/v1")
class TrackerApi {

    private final TrackerSync sync;
    private final String baseUrl;

    TrackerApi(TrackerSync sync, @Value("${hindsight.base-url:}") String baseUrl) {
        this.sync = sync;
        this.baseUrl = baseUrl;
    }

    record TicketRequest(String tracker) {}

    record TicketView(
            String action,
            String tracker,
            String key,
            String url,
            String remoteStatus,
            String state,
            String lastError,
            OffsetDateTime lastSyncedAt,
            int pendingCalls,
            OffsetDateTime nextAttemptAt) {
        static TicketView of(Ticket t) {
            return new TicketView(
                    t.action().key(),
                    t.tracker().label(),
                    t.externalKey(),
                    t.url(),
                    t.remoteStatus(),
                    t.state().name().toLowerCase(java.util.Locale.ROOT),
                    t.lastError(),
                    t.lastSyncedAt(),
                    t.pendingCalls(),
                    t.nextAttemptAt());
        }
    }

    @PostMapping("/actions/{id}/ticket")
    ResponseEntity<TicketView> create(Actor actor, @PathVariable String id, @RequestBody TicketRequest request) {
        ActionId action = action(id);
        Ticket ticket = sync.createTicket(actor, action, request.tracker(), backlink(baseUrl, action, sync, actor));
        sync.dispatchSoon();
        return ResponseEntity.accepted().body(TicketView.of(ticket));
    }

    @GetMapping("/actions/{id}/ticket")
    TicketView get(Actor actor, @PathVariable String id) {
        ActionId action = action(id);
        return sync.ticket(actor, action)
                .map(TicketView::of)
                .orElseThrow(() -> new NotFoundException(action.key() + " has no ticket"));
    }

    @PostMapping("/webhooks/github")
    ResponseEntity<Void> github(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(value = "X-Hub-Signature-256", required = false) String signature) {
        sync.receiveGitHub(body == null ? new byte[0] : body, signature);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/webhooks/jira")
    ResponseEntity<Void> jira(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(value = "X-Hub-Signature", required = false) String signature,
            @RequestParam(value = "secret", required = false) String secret) {
        sync.receiveJira(body == null ? new byte[0] : body, signature, secret);
        return ResponseEntity.noContent().build();
    }

    static ActionId action(String key) {
        return ActionId.parse(key)
                .orElseThrow(() -> new NotFoundException("No action " + key + " (keys look like ACT-7)"));
    }

    /** The incident page the ticket links back to: on {@code hindsight.base-url}, else on this request's host. */
    static String backlink(String baseUrl, ActionId action, TrackerSync sync, Actor actor) {
        String base = baseUrl == null || baseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : baseUrl.replaceAll("/+$", "");
        return base + "/incidents/" + sync.incidentOf(actor, action).key();
    }
}
