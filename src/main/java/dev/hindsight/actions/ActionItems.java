package dev.hindsight.actions;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.Team;
import dev.hindsight.accounts.User;
import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.Page;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action items: add and edit them on an incident, move them through their status lifecycle, list an incident's action
 * plan and the cross-incident board. Every rule is checked here; a refused request changes nothing. An action of an
 * incident the actor may not see is a {@link NotFoundException}, as if it did not exist.
 */
@Service
public class ActionItems {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 5000;
    static final int MAX_REASON = 2000;
    static final int MAX_URL = 2000;
    public static final int MAX_PAGE_SIZE = 100;

    private final ActionRepository repository;
    private final IncidentManagement incidents;
    private final RootCauseAnalysis analysis;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ActionItems(
            ActionRepository repository,
            IncidentManagement incidents,
            RootCauseAnalysis analysis,
            Accounts accounts,
            AuditTrail audit,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.incidents = incidents;
        this.analysis = analysis;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The incident's actions (by priority, then due date), with the causes they leave uncovered. Never null. */
    public ActionPlan planOf(Actor actor, IncidentId incidentId) {
        incidents.get(actor, incidentId);
        List<ActionItem> actions = repository.ofIncident(incidentId.value());
        List<ContributingFactor> factors = analysis.factorsOf(actor, incidentId);
        Set<Long> covered =
                actions.stream().flatMap(a -> a.factorIds().stream()).collect(Collectors.toSet());
        return new ActionPlan(
                actions,
                factors,
                factors.stream().filter(f -> !covered.contains(f.id())).toList(),
                actions.stream().filter(a -> a.factorIds().isEmpty()).toList());
    }

    /** The incident's actions. Never null. */
    public List<ActionItem> actionsOf(Actor actor, IncidentId incidentId) {
        incidents.get(actor, incidentId);
        return repository.ofIncident(incidentId.value());
    }

    /** One action; {@link NotFoundException} when it does not exist or its incident is hidden from the actor. */
    public ActionItem get(Actor actor, ActionId id) {
        ActionItem action = repository.find(id.value()).orElseThrow(() -> notFound(id));
        if (incidents.find(actor, action.incidentId()).isEmpty()) {
            throw notFound(id);
        }
        return action;
    }

    /**
     * One page of the actions of every incident the actor may see that match the filter; counts include only those.
     * Never null.
     */
    public Page<ActionItem> board(Actor actor, ActionFilter filter, ActionSort sort, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page from 0, size from 1 to " + MAX_PAGE_SIZE);
        }
        return repository.board(actor, filter, today(filter), sort, page, size);
    }

    /** Today by the application clock (UTC), the day "overdue" is judged on by default. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private LocalDate today(ActionFilter filter) {
        return filter.today() == null ? today() : filter.today();
    }

    /** Adds an open action. Editors only; {@link InvalidInputException} listing every broken rule. */
    @Transactional
    public ActionItem add(Actor actor, IncidentId incidentId, ActionForm form) {
        actor.require(Role.EDITOR);
        Incident incident = incidents.get(actor, incidentId);
        ActionRepository.ActionRow row = validate(actor, incidentId, form);
        long id = repository.insert(incidentId.value(), row, actor.userId(), now());
        ActionItem added = repository.find(id).orElseThrow();
        audit.record(
                incidentId.value(),
                actor,
                "action-added",
                "Added action " + added.key() + " '" + added.title() + "' to " + incident.key(),
                diff(null, added));
        return added;
    }

    /**
     * Saves an edit made on {@code expectedVersion} (the status is changed with {@link #changeStatus}).
     * {@link ConflictException} (with the current version) when someone saved since; {@link InvalidInputException}
     * for broken rules.
     */
    @Transactional
    public ActionItem update(Actor actor, ActionId id, ActionForm form, int expectedVersion) {
        actor.require(Role.EDITOR);
        ActionItem before = get(actor, id);
        checkVersion(before, expectedVersion);
        ActionRepository.ActionRow row = validate(actor, before.incidentId(), form);
        if (!repository.update(id.value(), row, expectedVersion, now())) {
            throw stale(before, repository.version(id.value()).orElse(null));
        }
        ActionItem after = repository.find(id.value()).orElseThrow();
        List<FieldChange> changes = diff(before, after);
        audit.record(
                before.incidentId().value(),
                actor,
                "action-updated",
                "Changed action " + after.key() + ": "
                        + changes.stream().map(FieldChange::field).collect(Collectors.joining(", ")),
                changes);
        return after;
    }

    /**
     * Moves the action to {@code status}: open → in progress → done, or won't do with a {@code reason} (required
     * then, refused otherwise); done and won't-do actions can be reopened. Done sets the completion time, reopening
     * clears it and the reason. {@link InvalidInputException} for a move the lifecycle does not allow.
     */
    @Transactional
    public ActionItem changeStatus(Actor actor, ActionId id, String status, String reason, int expectedVersion) {
        actor.require(Role.EDITOR);
        ActionItem before = get(actor, id);
        checkVersion(before, expectedVersion);
        List<FieldError> errors = new ArrayList<>();
        ActionStatus next = null;
        if (status == null || status.isBlank()) {
            errors.add(new FieldError("status", "is required: one of " + ActionStatus.names()));
        } else {
            next = ActionStatus.parse(status).orElse(null);
            if (next == null) {
                errors.add(new FieldError("status", "'" + status + "' is not one of " + ActionStatus.names()));
            } else if (!before.status().next().contains(next)) {
                errors.add(new FieldError(
                        "status",
                        "cannot go from " + before.status().label() + " to " + next.label() + "; allowed: "
                                + before.status().next().stream()
                                        .map(ActionStatus::label)
                                        .collect(Collectors.joining(", "))));
            }
        }
        String why = trim(reason);
        if (next == ActionStatus.WONT_DO && why == null) {
            errors.add(new FieldError("reason", "is required when an action will not be done"));
        } else if (next != null && next != ActionStatus.WONT_DO && why != null) {
            errors.add(new FieldError("reason", "only for won't do"));
        } else if (why != null && why.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "at most " + MAX_REASON + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        OffsetDateTime now = now();
        OffsetDateTime completedAt = next == ActionStatus.DONE ? now : null;
        if (!repository.updateStatus(id.value(), next, why, completedAt, expectedVersion, now)) {
            throw stale(before, repository.version(id.value()).orElse(null));
        }
        ActionItem after = repository.find(id.value()).orElseThrow();
        events.publishEvent(new ActionStatusChanged(after.id(), after.incidentId(), before.status(), next));
        audit.record(
                before.incidentId().value(),
                actor,
                "action-status",
                "Action " + after.key() + " '" + after.title() + "': "
                        + before.status().label() + " → " + next.label() + (why == null ? "" : " (" + why + ")"),
                diff(before, after));
        return after;
    }

    /**
     * Applies one change to several actions, all or nothing: each action is checked, versioned and audited as if
     * changed alone; when any of them is refused nothing is changed and the {@link InvalidInputException} has one
     * error per refused action (its key as the field). Returns the changed actions in the order given.
     */
    @Transactional
    public List<ActionItem> bulkChange(Actor actor, BulkChange change) {
        actor.require(Role.EDITOR);
        if (change.targets() == null || change.targets().isEmpty()) {
            throw new InvalidInputException("actions", "select at least one action");
        }
        if (change.targets().size() > MAX_PAGE_SIZE) {
            throw new InvalidInputException("actions", "at most " + MAX_PAGE_SIZE + " actions at once");
        }
        if (!change.changesFields() && !change.changesStatus()) {
            throw new InvalidInputException("change", "choose a status, owner, priority or due date to set");
        }
        List<FieldError> failures = new ArrayList<>();
        List<ActionItem> changed = new ArrayList<>();
        Set<ActionId> seen = new HashSet<>();
        for (BulkChange.Target target : change.targets()) {
            if (target == null || target.id() == null || !seen.add(target.id())) {
                continue;
            }
            try {
                ActionItem current = get(actor, target.id());
                int version = target.version();
                if (change.changesFields()) {
                    current = update(actor, target.id(), bulkForm(current, change), version);
                    version = current.version();
                }
                if (change.changesStatus()) {
                    current = changeStatus(actor, target.id(), change.status(), change.reason(), version);
                }
                changed.add(current);
            } catch (InvalidInputException e) {
                failures.add(new FieldError(
                        target.id().key(),
                        e.errors().stream()
                                .map(f -> f.field() + " " + f.message())
                                .collect(Collectors.joining("; "))));
            } catch (ConflictException | NotFoundException e) {
                failures.add(new FieldError(target.id().key(), e.getMessage()));
            }
        }
        if (!failures.isEmpty()) {
            throw new InvalidInputException(failures);
        }
        return changed;
    }

    private static ActionForm bulkForm(ActionItem a, BulkChange change) {
        return new ActionForm(
                a.title(),
                a.description(),
                a.type().label(),
                BulkChange.blank(change.priority()) ? a.priority().name() : change.priority(),
                BulkChange.blank(change.owner()) ? a.ownerName() : change.owner(),
                a.teamName(),
                BulkChange.blank(change.dueDate())
                        ? (a.dueDate() == null ? null : a.dueDate().toString())
                        : change.dueDate(),
                a.effort() == null ? null : a.effort().name(),
                a.ticketUrl(),
                a.factorIds());
    }

    ActionRepository.ActionRow validate(Actor actor, IncidentId incidentId, ActionForm form) {
        List<FieldError> errors = new ArrayList<>();
        String title = trim(form.title());
        if (title == null) {
            errors.add(new FieldError("title", "is required"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "at most " + MAX_TITLE + " characters (it has " + title.length() + ")"));
        }
        String description = trim(form.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "at most " + MAX_DESCRIPTION + " characters"));
        }
        ActionType type = null;
        if (trim(form.type()) == null) {
            errors.add(new FieldError("type", "is required: one of " + ActionType.names()));
        } else {
            type = ActionType.parse(form.type()).orElse(null);
            if (type == null) {
                errors.add(new FieldError("type", "'" + form.type() + "' is not one of " + ActionType.names()));
            }
        }
        ActionPriority priority = null;
        if (trim(form.priority()) == null) {
            errors.add(new FieldError("priority", "is required: P0 to P3"));
        } else {
            priority = ActionPriority.parse(form.priority()).orElse(null);
            if (priority == null) {
                errors.add(new FieldError("priority", "'" + form.priority() + "' is not one of P0, P1, P2, P3"));
            }
        }
        Long ownerId = null;
        String owner = trim(form.owner());
        if (owner != null) {
            User user = accounts.findByUsername(owner).orElse(null);
            if (user == null || !user.enabled()) {
                errors.add(new FieldError("owner", "no active user '" + owner + "'"));
            } else {
                ownerId = user.id();
            }
        }
        Long teamId = null;
        String team = trim(form.team());
        if (team != null) {
            teamId = accounts.teams().stream()
                    .filter(t -> t.name().equalsIgnoreCase(team))
                    .map(Team::id)
                    .findFirst()
                    .orElse(null);
            if (teamId == null) {
                errors.add(new FieldError("team", "no team '" + team + "'"));
            }
        }
        LocalDate due = null;
        String dueText = trim(form.dueDate());
        if (dueText != null) {
            try {
                due = LocalDate.parse(dueText);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("dueDate", "'" + dueText + "' is not a date like 2026-03-31"));
            }
        }
        Effort effort = null;
        if (trim(form.effort()) != null) {
            effort = Effort.parse(form.effort()).orElse(null);
            if (effort == null) {
                errors.add(new FieldError("effort", "'" + form.effort() + "' is not one of S, M, L"));
            }
        }
        String url = trim(form.ticketUrl());
        if (url != null && !isWebUrl(url)) {
            errors.add(new FieldError("ticketUrl", "must be an http or https URL"));
        } else if (url != null && url.length() > MAX_URL) {
            errors.add(new FieldError("ticketUrl", "at most " + MAX_URL + " characters"));
        }
        List<Long> factorIds = List.of();
        if (form.factorIds() != null && !form.factorIds().isEmpty()) {
            Set<Long> known = analysis.factorsOf(actor, incidentId).stream()
                    .map(ContributingFactor::id)
                    .collect(Collectors.toSet());
            Set<Long> wanted = new LinkedHashSet<>();
            for (Long factorId : form.factorIds()) {
                if (factorId == null || !known.contains(factorId)) {
                    errors.add(new FieldError(
                            "factorIds", "factor " + factorId + " is not a root cause or factor of " + incidentId));
                } else {
                    wanted.add(factorId);
                }
            }
            factorIds = List.copyOf(wanted);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ActionRepository.ActionRow(
                title, description, type, priority, ownerId, teamId, due, effort, url, factorIds);
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static List<FieldChange> diff(ActionItem before, ActionItem after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "title", before, after, ActionItem::title);
        compare(changes, "description", before, after, ActionItem::description);
        compare(changes, "type", before, after, a -> a.type().label());
        compare(changes, "priority", before, after, ActionItem::priority);
        compare(changes, "owner", before, after, ActionItem::ownerName);
        compare(changes, "team", before, after, ActionItem::teamName);
        compare(changes, "dueDate", before, after, ActionItem::dueDate);
        compare(changes, "status", before, after, a -> a.status().label());
        compare(changes, "wontDoReason", before, after, ActionItem::wontDoReason);
        compare(changes, "effort", before, after, ActionItem::effort);
        compare(changes, "ticketUrl", before, after, ActionItem::ticketUrl);
        compare(changes, "factorIds", before, after, a -> a.factorIds().isEmpty() ? null : a.factorIds());
        compare(changes, "completedAt", before, after, ActionItem::completedAt);
        return changes;
    }

    private static void compare(
            List<FieldChange> changes,
            String field,
            ActionItem before,
            ActionItem after,
            java.util.function.Function<ActionItem, Object> value) {
        Object b = before == null ? null : value.apply(before);
        Object a = after == null ? null : value.apply(after);
        String bs = b == null ? null : String.valueOf(b);
        String as = a == null ? null : String.valueOf(a);
        if (!Objects.equals(bs, as)) {
            changes.add(new FieldChange(field, bs, as));
        }
    }

    private static void checkVersion(ActionItem current, int expectedVersion) {
        if (current.version() != expectedVersion) {
            throw stale(current, current.version());
        }
    }

    private static ConflictException stale(ActionItem action, Integer current) {
        return new ConflictException(
                "Action " + action.key() + " was changed by someone else since you opened it (it is now at version "
                        + current + "). Your changes were not saved: reload, then apply them again.",
                current);
    }

    private static NotFoundException notFound(ActionId id) {
        return new NotFoundException("No action " + id.key());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
