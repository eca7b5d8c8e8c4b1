package dev.hindsight.trackers;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.actions.ActionId;
import dev.hindsight.actions.ActionItem;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.actions.ActionStatus;
import dev.hindsight.actions.ActionStatusChanged;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.Role;
import dev.hindsight.trackers.internal.IssueTracker;
import dev.hindsight.trackers.internal.TrackerCallException;
import dev.hindsight.trackers.internal.TrackerProperties;
import dev.hindsight.trackers.internal.TrackerStore;
import dev.hindsight.trackers.internal.TrackerStore.OutboxRow;
import dev.hindsight.trackers.internal.WebhookSignatures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tickets for action items in Jira or GitHub, kept in step with the action's status both ways. Every outbound call is
 * first written to an outbox in the same transaction as the change that needs it, then delivered (right after commit
 * and by the periodic job), retried with exponential backoff or after the tracker's Retry-After. Inbound changes
 * arrive through signed webhooks and a periodic poll, and are applied to the action as the user who linked the
 * ticket, through the action lifecycle (so they are checked, versioned and audited like any change).
 */
@Service
public class TrackerSync {

    private static final Logger log = LoggerFactory.getLogger(TrackerSync.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final TrackerStore store;
    private final ActionItems actions;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final TrackerProperties properties;
    private final Clock clock;
    private final Map<TrackerKind, IssueTracker> trackers = new EnumMap<>(TrackerKind.class);
    /** The action whose status is being set from its ticket on this thread: no call goes back out for it. */
    private static final ThreadLocal<Long> APPLYING_INBOUND = new ThreadLocal<>();

    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("tracker-dispatch").factory());

    TrackerSync(
            TrackerStore store,
            ActionItems actions,
            Accounts accounts,
            AuditTrail audit,
            TrackerProperties properties,
            Clock clock,
            List<IssueTracker> trackers) {
        this.store = store;
        this.actions = actions;
        this.accounts = accounts;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        trackers.forEach(t -> this.trackers.put(t.kind(), t));
    }

    /** The trackers with a URL and credentials configured. Never null. */
    public List<TrackerKind> available() {
        return trackers.values().stream()
                .filter(IssueTracker::configured)
                .map(IssueTracker::kind)
                .sorted()
                .toList();
    }

    /**
     * Queues the creation of a ticket for the action in {@code tracker}, with {@code backlink} (the incident's page) in
     * its description. Editors only. {@link InvalidInputException} for an unknown or unconfigured tracker;
     * {@link ConflictException} when the action has a ticket already. Never blocks on the tracker.
     */
    @Transactional
    public Ticket createTicket(Actor actor, ActionId actionId, String tracker, String backlink) {
        actor.require(Role.EDITOR);
        ActionItem action = actions.get(actor, actionId);
        TrackerKind kind = TrackerKind.parse(tracker)
                .orElseThrow(() -> new InvalidInputException("tracker", "one of jira, github"));
        if (!trackers.containsKey(kind) || !trackers.get(kind).configured()) {
            throw new InvalidInputException(
                    "tracker", kind.label() + " is not configured (see hindsight.trackers." + kind.label() + ".*)");
        }
        if (store.ticket(actionId.value()).isPresent()) {
            throw new ConflictException(action.key() + " has a ticket already.");
        }
        OffsetDateTime now = now();
        store.insertTicket(actionId.value(), kind, actor.userId(), now);
        store.enqueue(actionId.value(), "CREATE", null, backlink, now);
        audit.record(
                action.incidentId().value(),
                actor,
                "ticket-requested",
                "Asked for a " + kind.label() + " ticket for " + action.key(),
                List.of(new FieldChange("tracker", null, kind.label())));
        return store.ticket(actionId.value()).orElseThrow();
    }

    /** The incident the action belongs to; {@code NotFoundException} when it is hidden from the actor. */
    public IncidentId incidentOf(Actor actor, ActionId actionId) {
        return actions.get(actor, actionId).incidentId();
    }

    /** The action's ticket, if any; {@code NotFoundException} when the action is hidden from the actor. */
    public Optional<Ticket> ticket(Actor actor, ActionId actionId) {
        actions.get(actor, actionId);
        return store.ticket(actionId.value());
    }

    /** The tickets of the incident's actions, by action. Never null. */
    public Map<ActionId, Ticket> ticketsOf(Actor actor, IncidentId incidentId) {
        List<Long> ids = actions.actionsOf(actor, incidentId).stream()
                .map(a -> a.id().value())
                .toList();
        return store.tickets(ids).stream().collect(Collectors.toMap(Ticket::action, t -> t));
    }

    /** Queues the status for the action's ticket, in the transaction of the status change. */
    @EventListener
    void onStatusChanged(ActionStatusChanged event) {
        if (Long.valueOf(event.action().value()).equals(APPLYING_INBOUND.get())) {
            return;
        }
        Optional<Ticket> ticket = store.ticket(event.action().value());
        if (ticket.isEmpty()) {
            return;
        }
        IssueTracker tracker = trackers.get(ticket.get().tracker());
        String remote = tracker == null ? null : tracker.outbound(event.to().label());
        if (remote == null
                || remote.equalsIgnoreCase(String.valueOf(ticket.get().remoteStatus()))) {
            return;
        }
        store.enqueue(event.action().value(), "UPDATE", event.to().label(), null, now());
    }

    @TransactionalEventListener
    void afterStatusCommitted(ActionStatusChanged event) {
        dispatchSoon();
    }

    /** Starts delivering due calls on a background thread, when configured to (the job delivers them anyway). */
    public void dispatchSoon() {
        if (properties.isDispatchImmediately()) {
            dispatcher.execute(() -> {
                try {
                    deliverDue(clock.instant());
                } catch (RuntimeException e) {
                    log.warn("Tracker dispatch failed: {}", e.getMessage());
                }
            });
        }
    }

    /**
     * Delivers the queued calls due at {@code now}, oldest first and one at a time per action (a later call waits for
     * an earlier one). Each call is claimed first, so two nodes never deliver the same call. Returns how many
     * succeeded.
     */
    public int deliverDue(Instant now) {
        int delivered = 0;
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (OutboxRow row : store.due(at, 50)) {
            if (!store.claim(row, at.plus(LEASE))) {
                continue;
            }
            Ticket ticket = store.ticket(row.actionId()).orElse(null);
            if (ticket == null) {
                store.finish(row.id(), at);
                continue;
            }
            try {
                deliver(row, ticket);
                store.finish(row.id(), at);
                delivered++;
            } catch (TrackerCallException e) {
                boolean retry = !e.permanent() || (row.operation().equals("CREATE") && e.notFound());
                if (retry) {
                    Duration wait = e.retryAfter() != null ? e.retryAfter() : backoff(row.attempts() + 1);
                    store.retryLater(row.id(), at.plus(wait), e.getMessage());
                    store.markTicket(row.actionId(), SyncState.RETRYING, e.getMessage(), null);
                } else {
                    store.finish(row.id(), at);
                    store.markTicket(row.actionId(), SyncState.FAILED, e.getMessage(), null);
                }
                log.info("Tracker call {} for ACT-{} failed: {}", row.operation(), row.actionId(), e.getMessage());
            }
        }
        return delivered;
    }

    Duration backoff(int attempts) {
        Duration wait = properties.getInitialBackoff().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(properties.getMaxBackoff()) > 0 ? properties.getMaxBackoff() : wait;
    }

    private void deliver(OutboxRow row, Ticket ticket) {
        IssueTracker tracker = trackers.get(ticket.tracker());
        if (tracker == null || !tracker.configured()) {
            throw new TrackerCallException(0, null, ticket.tracker().label() + " is not configured");
        }
        OffsetDateTime now = now();
        if (row.operation().equals("CREATE")) {
            Actor creator = creator(ticket);
            ActionItem action = actions.get(creator, ticket.action());
            IssueTracker.RemoteIssue created = tracker.create(
                    new IssueTracker.NewIssue(action.title(), action.description(), row.backlink(), action.key()));
            String remote = created.status() != null ? created.status() : tracker.outbound(ActionStatus.OPEN.label());
            store.ticketCreated(row.actionId(), created.key(), created.url(), remote, now);
            if (!action.status().equals(ActionStatus.OPEN)) {
                String target = tracker.outbound(action.status().label());
                if (target != null && !target.equalsIgnoreCase(remote)) {
                    store.enqueue(row.actionId(), "UPDATE", action.status().label(), null, now);
                }
            }
        } else {
            String remote = tracker.outbound(row.targetStatus());
            if (remote != null) {
                tracker.moveTo(ticket.externalKey(), remote);
                store.markTicket(row.actionId(), SyncState.SYNCED, null, remote);
            }
        }
    }

    private Actor creator(Ticket ticket) {
        Long userId = store.createdBy(ticket.action().value());
        return userId == null
                ? null
                : accounts.actor(userId)
                        .orElseThrow(
                                () -> new TrackerCallException(0, null, "the user who linked the ticket is disabled"));
    }

    /**
     * Asks each tracker for the status of every created ticket and applies changes missed by webhooks. A rate limit or
     * outage ends the round early for that tracker; the next round tries again. Returns how many actions changed.
     */
    public int poll() {
        int changed = 0;
        for (Ticket ticket : store.linkedTickets()) {
            IssueTracker tracker = trackers.get(ticket.tracker());
            if (tracker == null || !tracker.configured()) {
                continue;
            }
            try {
                IssueTracker.RemoteIssue remote = tracker.get(ticket.externalKey());
                if (applyInbound(ticket.tracker(), ticket.externalKey(), remote.status())) {
                    changed++;
                }
            } catch (TrackerCallException e) {
                store.markTicket(
                        ticket.action().value(),
                        e.notFound() ? SyncState.FAILED : ticket.state(),
                        e.getMessage(),
                        null);
                if (e.status() == 429 || e.status() == 0 || e.status() >= 500) {
                    break;
                }
            }
        }
        return changed;
    }

    /**
     * A GitHub {@code issues} webhook delivery. {@link ForbiddenException} unless {@code X-Hub-Signature-256} is the
     * HMAC-SHA256 of the body with the configured secret. Returns whether an action changed.
     */
    public boolean receiveGitHub(byte[] body, String signature256) {
        String secret = properties.getGithub().getWebhookSecret();
        if (!WebhookSignatures.verify(secret, body, signature256)) {
            throw new ForbiddenException("The webhook signature does not match.");
        }
        JsonNode event = JSON.readTree(body);
        JsonNode issue = event.path("issue");
        String repository = event.path("repository").path("full_name").asString("");
        if (issue.isMissingNode() || repository.isEmpty()) {
            return false;
        }
        String status = issue.path("state").asString("open");
        if (status.equals("closed")
                && "not_planned".equals(issue.path("state_reason").asString(""))) {
            status = "not_planned";
        }
        return applyInbound(
                TrackerKind.GITHUB, repository + "#" + issue.path("number").asLong(), status);
    }

    /**
     * A Jira webhook delivery. Accepted when its {@code X-Hub-Signature} is the HMAC-SHA256 of the body with the
     * configured secret (Jira Cloud webhooks with a secret), or when it carries the secret as the {@code secret} query
     * parameter (for senders that cannot sign); {@link ForbiddenException} otherwise.
     */
    public boolean receiveJira(byte[] body, String signature, String secretParameter) {
        String secret = properties.getJira().getWebhookSecret();
        boolean signed = signature != null && WebhookSignatures.verify(secret, body, signature);
        boolean shared = signature == null && WebhookSignatures.sameSecret(secret, secretParameter);
        if (!signed && !shared) {
            throw new ForbiddenException("The webhook signature does not match.");
        }
        JsonNode issue = JSON.readTree(body).path("issue");
        String key = issue.path("key").asString("");
        String status = issue.path("fields").path("status").path("name").asString("");
        if (key.isEmpty() || status.isEmpty()) {
            return false;
        }
        return applyInbound(TrackerKind.JIRA, key, status);
    }

    /** Records the ticket's remote status and moves the action to match it; whether the action changed. */
    boolean applyInbound(TrackerKind kind, String key, String remoteStatus) {
        Ticket ticket = store.ticketByKey(kind, key).orElse(null);
        if (ticket == null) {
            return false;
        }
        store.remoteSeen(ticket.action().value(), remoteStatus, now());
        IssueTracker tracker = trackers.get(kind);
        ActionStatus target = ActionStatus.parse(tracker.inbound(remoteStatus)).orElse(null);
        if (target == null) {
            return false;
        }
        APPLYING_INBOUND.set(ticket.action().value());
        try {
            Actor actor = creator(ticket);
            ActionItem action = actions.get(actor, ticket.action());
            List<ActionStatus> steps = steps(action.status(), target);
            for (ActionStatus step : steps) {
                String reason =
                        step == ActionStatus.WONT_DO ? "Closed as not to be done in " + kind.label() + " " + key : null;
                action = actions.changeStatus(actor, action.id(), step.label(), reason, action.version());
            }
            return !steps.isEmpty();
        } catch (RuntimeException e) {
            store.markTicket(
                    ticket.action().value(), ticket.state(), "Inbound change not applied: " + e.getMessage(), null);
            return false;
        }
    }

    /**
     * The lifecycle moves from {@code current} to {@code target}. A ticket that is merely "open" does not pull an
     * action in progress back to open (trackers such as GitHub have no in-progress state).
     */
    static List<ActionStatus> steps(ActionStatus current, ActionStatus target) {
        List<ActionStatus> steps = new ArrayList<>();
        if (current == target || (target == ActionStatus.OPEN && current.isActive())) {
            return steps;
        }
        ActionStatus at = current;
        if (!at.next().contains(target)) {
            steps.add(ActionStatus.OPEN);
            at = ActionStatus.OPEN;
        }
        if (at != target) {
            steps.add(target);
        }
        return steps;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        dispatcher.shutdown();
    }
}
