package dev.hindsight.actions.web;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.actions.AcceptedRisk;
import dev.hindsight.actions.ActionForm;
import dev.hindsight.actions.ActionGate;
import dev.hindsight.actions.ActionId;
import dev.hindsight.actions.ActionItem;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.actions.BulkChange;
import dev.hindsight.actions.GateFinding;
import dev.hindsight.actions.Recurrence;
import dev.hindsight.actions.Recurrences;
import dev.hindsight.actions.SavedView;
import dev.hindsight.actions.SavedViews;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.Page;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ExpectedVersion;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Action items: an incident's ({@code /api/v1/incidents/{key}/actions}), one by key ({@code /api/v1/actions/ACT-7}),
 * its status, and the board ({@code /api/v1/actions}). Edits need the version, in If-Match or the body.
 */
@RestController
@RequestMapping("/api/v1")
class ActionApi {

    private final ActionItems actions;
    private final Accounts accounts;
    private final SavedViews savedViews;
    private final ActionGate gate;
    private final Recurrences recurrences;

    ActionApi(ActionItems actions, Accounts accounts, SavedViews savedViews, ActionGate gate, Recurrences recurrences) {
        this.recurrences = recurrences;
        this.actions = actions;
        this.accounts = accounts;
        this.savedViews = savedViews;
        this.gate = gate;
    }

    record ActionRequest(
            String title,
            String description,
            String type,
            String priority,
            String owner,
            String team,
            String dueDate,
            String effort,
            String ticketUrl,
            List<Long> factorIds,
            Integer version) {

        ActionForm toForm() {
            return new ActionForm(
                    title, description, type, priority, owner, team, dueDate, effort, ticketUrl, factorIds);
        }
    }

    record StatusRequest(String status, String reason, Integer version) {}

    record BoardView(List<ActionView> items, int page, int size, long total, int totalPages) {}

    @GetMapping("/incidents/{key}/actions")
    List<ActionView> ofIncident(Actor actor, @PathVariable String key) {
        LocalDate today = actions.today();
        return actions.actionsOf(actor, incident(key)).stream()
                .map(a -> ActionView.of(a, today))
                .toList();
    }

    @PostMapping("/incidents/{key}/actions")
    ResponseEntity<ActionView> add(Actor actor, @PathVariable String key, @RequestBody ActionRequest request) {
        ActionItem added = actions.add(actor, incident(key), request.toForm());
        return ResponseEntity.created(URI.create("/api/v1/actions/" + added.key()))
                .eTag(etag(added.version()))
                .body(ActionView.of(added, actions.today()));
    }

    @GetMapping("/actions/{id}")
    ResponseEntity<ActionView> get(Actor actor, @PathVariable String id) {
        ActionItem action = actions.get(actor, action(id));
        return ResponseEntity.ok().eTag(etag(action.version())).body(ActionView.of(action, actions.today()));
    }

    @PutMapping("/actions/{id}")
    ResponseEntity<ActionView> replace(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ActionRequest request) {
        ActionItem saved = actions.update(actor, action(id), request.toForm(), version(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(etag(saved.version())).body(ActionView.of(saved, actions.today()));
    }

    @PostMapping("/actions/{id}/status")
    ResponseEntity<ActionView> status(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody StatusRequest request) {
        ActionItem saved = actions.changeStatus(
                actor, action(id), request.status(), request.reason(), version(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(etag(saved.version())).body(ActionView.of(saved, actions.today()));
    }

    @GetMapping("/actions")
    BoardView board(Actor actor, ActionQuery query) {
        Page<ActionItem> page =
                actions.board(actor, query.filter(accounts), query.sortOrder(), query.pageNumber(), query.pageSize());
        LocalDate today = actions.today();
        return new BoardView(
                page.items().stream().map(a -> ActionView.of(a, today)).toList(),
                page.page(),
                page.size(),
                page.total(),
                page.totalPages());
    }

    record BulkTarget(String id, Integer version) {}

    record BulkRequest(
            List<BulkTarget> actions, String status, String reason, String owner, String priority, String dueDate) {}

    record BulkResult(List<ActionView> changed) {}

    /** Sets status, owner, priority and/or due date on several actions; all or nothing (422 listing each refusal). */
    @PostMapping("/actions/bulk")
    BulkResult bulk(Actor actor, @RequestBody BulkRequest request) {
        List<BulkChange.Target> targets = new java.util.ArrayList<>();
        List<FieldError> errors = new java.util.ArrayList<>();
        if (request.actions() != null) {
            for (BulkTarget t : request.actions()) {
                var id = t == null ? java.util.Optional.<ActionId>empty() : ActionId.parse(t.id());
                if (id.isEmpty() || t.version() == null) {
                    errors.add(new FieldError("actions", "each needs an id like ACT-7 and the version it was seen at"));
                } else {
                    targets.add(new BulkChange.Target(id.get(), t.version()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate today = actions.today();
        return new BulkResult(actions
                .bulkChange(
                        actor,
                        new BulkChange(
                                targets,
                                request.status(),
                                request.reason(),
                                request.owner(),
                                request.priority(),
                                request.dueDate()))
                .stream()
                .map(a -> ActionView.of(a, today))
                .toList());
    }

    record SavedViewRequest(String name, String query, Boolean shared) {}

    @GetMapping("/action-views")
    List<SavedView> views(Actor actor) {
        return savedViews.visibleTo(actor);
    }

    @PostMapping("/action-views")
    ResponseEntity<SavedView> saveView(Actor actor, @RequestBody SavedViewRequest request) {
        SavedView saved =
                savedViews.save(actor, request.name(), request.query(), Boolean.TRUE.equals(request.shared()));
        return ResponseEntity.created(URI.create("/api/v1/action-views/" + saved.id()))
                .body(saved);
    }

    @DeleteMapping("/action-views/{id}")
    ResponseEntity<Void> deleteView(Actor actor, @PathVariable long id) {
        savedViews.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    record GateView(boolean passes, List<GateFinding> findings, List<AcceptedRiskView> acceptedRisks) {}

    record AcceptedRiskView(
            long factorId, String incident, String note, String acceptedBy, java.time.OffsetDateTime acceptedAt) {
        static AcceptedRiskView of(AcceptedRisk r) {
            return new AcceptedRiskView(r.factorId(), r.incidentId().key(), r.note(), r.acceptedBy(), r.acceptedAt());
        }
    }

    record AcceptRiskRequest(String note) {}

    /** The action-plan gate: the root causes with neither an action nor an accepted risk. */
    @GetMapping("/incidents/{key}/action-gate")
    GateView gate(Actor actor, @PathVariable String key) {
        IncidentId id = incident(key);
        List<GateFinding> findings = gate.findings(actor, id);
        return new GateView(
                findings.isEmpty(),
                findings,
                gate.acceptedRisks(actor, id).values().stream()
                        .map(AcceptedRiskView::of)
                        .toList());
    }

    @PutMapping("/incidents/{key}/factors/{factorId}/accepted-risk")
    AcceptedRiskView acceptRisk(
            Actor actor,
            @PathVariable String key,
            @PathVariable long factorId,
            @RequestBody AcceptRiskRequest request) {
        return AcceptedRiskView.of(gate.accept(actor, incident(key), factorId, request.note()));
    }

    @DeleteMapping("/incidents/{key}/factors/{factorId}/accepted-risk")
    ResponseEntity<Void> withdrawRisk(Actor actor, @PathVariable String key, @PathVariable long factorId) {
        gate.withdraw(actor, incident(key), factorId);
        return ResponseEntity.noContent().build();
    }

    record RecurrenceView(
            String laterIncident,
            long factorId,
            String factorTitle,
            String category,
            String earlierIncident,
            String action,
            String actionTitle,
            boolean explicit) {
        static RecurrenceView of(Recurrence r) {
            return new RecurrenceView(
                    r.laterIncident().key(),
                    r.factorId(),
                    r.factorTitle(),
                    r.category(),
                    r.earlierIncident().key(),
                    r.action().key(),
                    r.actionTitle(),
                    r.explicit());
        }
    }

    record RecurrenceLinkRequest(String action) {}

    /** "Recurred despite action": this incident's causes that came back, and its done actions that did not prevent. */
    @GetMapping("/incidents/{key}/recurrences")
    List<RecurrenceView> recurrences(Actor actor, @PathVariable String key) {
        return recurrences.of(actor, incident(key)).stream()
                .map(RecurrenceView::of)
                .toList();
    }

    /** Links a factor by hand to an earlier incident's action that was meant to prevent it. */
    @PostMapping("/incidents/{key}/factors/{factorId}/prevented-by")
    ResponseEntity<List<RecurrenceView>> linkRecurrence(
            Actor actor,
            @PathVariable String key,
            @PathVariable long factorId,
            @RequestBody RecurrenceLinkRequest request) {
        IncidentId id = incident(key);
        recurrences.link(actor, id, factorId, action(request.action() == null ? "" : request.action()));
        return ResponseEntity.status(201).body(recurrences(actor, key));
    }

    static IncidentId incident(String key) {
        return IncidentId.fromKey(key);
    }

    static ActionId action(String key) {
        return ActionId.parse(key)
                .orElseThrow(() -> new NotFoundException("No action " + key + " (keys look like ACT-7)"));
    }

    static int version(String ifMatch, Integer bodyVersion) {
        return ExpectedVersion.from(ifMatch, bodyVersion);
    }

    static String etag(int version) {
        return ExpectedVersion.etag(version);
    }
}
