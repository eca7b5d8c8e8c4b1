package dev.hindsight.incident;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.User;
import dev.hindsight.audit.AuditEntry;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.catalog.CatalogService;
import dev.hindsight.catalog.ServiceCatalog;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident module's API: create, read, list, edit and move incidents through their lifecycle. Every rule is
 * checked here, whoever calls (web page, JSON API, import); a refused request changes nothing.
 */
@Service
public class IncidentManagement {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 10_000;
    static final int MAX_IMPACT = 5_000;
    static final int MAX_TAGS = 30;
    static final int MAX_LINKS = 30;
    static final int MAX_SERVICES = 50;
    static final int MAX_PARTICIPANTS = 200;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,59}");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final IncidentRepository repository;
    private final IncidentSettings settings;
    private final Accounts accounts;
    private final ServiceCatalog catalog;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentManagement(
            IncidentRepository repository,
            IncidentSettings settings,
            Accounts accounts,
            ServiceCatalog catalog,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.accounts = accounts;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The incident, when it exists and the actor may see it; otherwise {@link NotFoundException}. */
    public Incident get(Actor actor, IncidentId id) {
        return find(actor, id).orElseThrow(() -> new NotFoundException("No incident " + id.key()));
    }

    /** The incident, when it exists and the actor may see it. */
    public Optional<Incident> find(Actor actor, IncidentId id) {
        return repository.find(id.value()).filter(i -> i.visibleTo(actor));
    }

    /** One page of the incidents the actor may see that match the filter. */
    public Page<Incident> list(Actor actor, IncidentFilter filter, PageRequest page) {
        return repository.search(actor, filter, page);
    }

    /** Tags in use, most used first. */
    public List<String> tagsInUse() {
        return repository.tags();
    }

    /** The incident's audit trail, newest first. */
    public List<AuditEntry> auditTrail(Actor actor, IncidentId id) {
        get(actor, id);
        return audit.forIncident(id.value());
    }

    /**
     * Opens an incident. Throws {@link InvalidInputException} listing every broken rule. The creator can always see
     * the incident, even when it is restricted.
     */
    @Transactional
    public Incident create(Actor actor, IncidentForm form) {
        actor.require(Role.EDITOR);
        IncidentStatus status = form.status() == null || form.status().isBlank()
                ? IncidentStatus.INVESTIGATING
                : IncidentStatus.parse(form.status()).orElse(null);
        IncidentRepository.Row row = validate(form, status, null);
        OffsetDateTime now = now();
        long id = repository.insert(row, actor.userId(), now);
        Incident created = repository.find(id).orElseThrow();
        audit.record(id, actor, "created", "Opened " + created.key() + ": " + created.title(), diff(null, created));
        events.publishEvent(new IncidentChanged(created.id(), "created", created.version()));
        return created;
    }

    /**
     * Saves an edit made on {@code expectedVersion}. Throws {@link ConflictException} when someone saved since, with
     * the current version; {@link InvalidInputException} for broken rules. A status change in the form must be an
     * allowed move.
     */
    @Transactional
    public Incident update(Actor actor, IncidentId id, IncidentForm form, int expectedVersion) {
        actor.require(Role.EDITOR);
        Incident before = get(actor, id);
        checkVersion(before, expectedVersion);
        IncidentStatus status = form.status() == null || form.status().isBlank()
                ? before.status()
                : IncidentStatus.parse(form.status()).orElse(null);
        IncidentRepository.Row row = validate(form, status, before);
        save(actor, before, row, expectedVersion);
        Incident after = repository.find(id.value()).orElseThrow();
        List<FieldChange> changes = diff(before, after);
        audit.record(id.value(), actor, "updated", describe(changes), changes);
        events.publishEvent(new IncidentChanged(id, "updated", after.version()));
        return after;
    }

    /**
     * Moves the incident to {@code status}. Moving to resolved records the resolved time (now) when it is not set;
     * reopening clears it.
     */
    @Transactional
    public Incident changeStatus(Actor actor, IncidentId id, String status, int expectedVersion) {
        actor.require(Role.EDITOR);
        Incident before = get(actor, id);
        checkVersion(before, expectedVersion);
        IncidentStatus next = IncidentStatus.parse(status)
                .orElseThrow(() -> new InvalidInputException("status", "one of " + labels()));
        if (!before.status().canMoveTo(next)) {
            throw new InvalidInputException(
                    "status",
                    "cannot move from " + before.status().label() + " to " + next.label() + "; allowed: "
                            + before.status().allowedNext().stream()
                                    .map(IncidentStatus::label)
                                    .toList());
        }
        KeyTimes times = before.keyTimes();
        if (next == IncidentStatus.RESOLVED && times.resolvedAt() == null) {
            times = times.withResolvedAt(now());
        } else if (next.isOpen()) {
            times = times.withResolvedAt(null);
        }
        List<FieldError> errors = new ArrayList<>(times.orderErrors());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        IncidentRepository.Row row = rowOf(before, next, times);
        save(actor, before, row, expectedVersion);
        Incident after = repository.find(id.value()).orElseThrow();
        audit.record(
                id.value(),
                actor,
                "status-changed",
                "Status " + before.status().label() + " → " + next.label(),
                diff(before, after));
        events.publishEvent(new IncidentChanged(id, "status-changed", after.version()));
        return after;
    }

    /**
     * Sets one key time (e.g. when a timeline moment is marked as "detected"), keeping the others. Name is one of
     * startedAt, detectedAt, acknowledgedAt, mitigatedAt, resolvedAt.
     */
    @Transactional
    public Incident setKeyTime(Actor actor, IncidentId id, String name, OffsetDateTime time, int expectedVersion) {
        actor.require(Role.EDITOR);
        Incident before = get(actor, id);
        checkVersion(before, expectedVersion);
        Map<String, OffsetDateTime> map = new LinkedHashMap<>(before.keyTimes().asMap());
        if (!map.containsKey(name)) {
            throw new InvalidInputException("name", "one of " + map.keySet());
        }
        map.put(name, time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC));
        KeyTimes times = new KeyTimes(
                map.get("startedAt"),
                map.get("detectedAt"),
                map.get("acknowledgedAt"),
                map.get("mitigatedAt"),
                map.get("resolvedAt"));
        List<FieldError> errors = times.orderErrors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        save(actor, before, rowOf(before, before.status(), times), expectedVersion);
        Incident after = repository.find(id.value()).orElseThrow();
        List<FieldChange> changes = diff(before, after);
        audit.record(id.value(), actor, "key-time-set", describe(changes), changes);
        events.publishEvent(new IncidentChanged(id, "key-time-set", after.version()));
        return after;
    }

    private void save(Actor actor, Incident before, IncidentRepository.Row row, int expectedVersion) {
        if (!repository.update(before.id().value(), row, expectedVersion, actor.userId(), now())) {
            throw staleVersion(
                    before.id(), repository.version(before.id().value()).orElse(null));
        }
    }

    private void checkVersion(Incident current, int expectedVersion) {
        if (current.version() != expectedVersion) {
            throw staleVersion(current.id(), current.version());
        }
    }

    private ConflictException staleVersion(IncidentId id, Integer current) {
        return new ConflictException(
                id.key() + " was changed by someone else since you opened it (it is now at version " + current
                        + "). Your changes were not saved: reload, then apply them again.",
                current);
    }

    private IncidentRepository.Row rowOf(Incident i, IncidentStatus status, KeyTimes times) {
        List<Map.Entry<Long, ParticipantRole>> participants = i.participants().stream()
                .map(p -> Map.entry(p.userId(), p.role()))
                .toList();
        return new IncidentRepository.Row(
                i.title(),
                i.summary(),
                i.severity().level(),
                status,
                i.visibility(),
                i.impact(),
                times,
                i.commander() == null ? null : i.commander().userId(),
                i.services().stream().map(CatalogService::id).toList(),
                participants,
                i.tags(),
                i.links(),
                i.customFields());
    }

    private IncidentRepository.Row validate(IncidentForm form, IncidentStatus status, Incident before) {
        List<FieldError> errors = new ArrayList<>();
        String title = trim(form.title());
        if (title == null) {
            errors.add(new FieldError("title", "is required"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "at most " + MAX_TITLE + " characters (it has " + title.length() + ")"));
        }
        String summary = trim(form.summary());
        if (summary != null && summary.length() > MAX_SUMMARY) {
            errors.add(new FieldError(
                    "summary", "at most " + MAX_SUMMARY + " characters (it has " + summary.length() + ")"));
        }
        Severity severity = null;
        if (form.severity() == null || form.severity().isBlank()) {
            errors.add(new FieldError("severity", "is required: one of SEV1 to SEV5"));
        } else {
            severity = Severity.parse(form.severity()).orElse(null);
            if (severity == null) {
                errors.add(new FieldError("severity", "'" + form.severity() + "' is not one of SEV1 to SEV5"));
            }
        }
        if (status == null) {
            errors.add(new FieldError("status", "'" + form.status() + "' is not one of " + labels()));
        } else if (before != null
                && status != before.status()
                && !before.status().canMoveTo(status)) {
            errors.add(new FieldError(
                    "status",
                    "cannot move from " + before.status().label() + " to " + status.label() + "; allowed: "
                            + before.status().allowedNext().stream()
                                    .map(IncidentStatus::label)
                                    .toList()));
        }
        Visibility visibility = form.visibility() == null || form.visibility().isBlank()
                ? Visibility.NORMAL
                : Visibility.parse(form.visibility()).orElse(null);
        if (visibility == null) {
            errors.add(new FieldError("visibility", "'" + form.visibility() + "' is not one of normal, restricted"));
        }

        List<Long> serviceIds = new ArrayList<>();
        List<String> serviceNames = distinct(form.services());
        if (serviceNames.size() > MAX_SERVICES) {
            errors.add(new FieldError("services", "at most " + MAX_SERVICES));
        }
        for (String name : serviceNames) {
            catalog.findByName(name.toLowerCase())
                    .ifPresentOrElse(
                            s -> serviceIds.add(s.id()),
                            () -> errors.add(new FieldError(
                                    "services",
                                    "unknown service '" + name + "' (add it to the service catalog first)")));
        }

        String impactDescription = trim(form.impactDescription());
        if (impactDescription != null && impactDescription.length() > MAX_IMPACT) {
            errors.add(new FieldError("impact.description", "at most " + MAX_IMPACT + " characters"));
        }
        if (form.usersAffected() != null && form.usersAffected() < 0) {
            errors.add(new FieldError("impact.usersAffected", "must not be negative"));
        }
        if (form.errorBudgetConsumed() != null
                && (form.errorBudgetConsumed().isNaN()
                        || form.errorBudgetConsumed() < 0
                        || form.errorBudgetConsumed() > 100_000)) {
            errors.add(new FieldError("impact.errorBudgetConsumed", "a percentage from 0 (may exceed 100)"));
        }

        KeyTimes times = new KeyTimes(
                utc(form.startedAt()),
                utc(form.detectedAt()),
                utc(form.acknowledgedAt()),
                utc(form.mitigatedAt()),
                utc(form.resolvedAt()));
        errors.addAll(times.orderErrors());
        OffsetDateTime latest = now().plus(CLOCK_SKEW);
        times.asMap().forEach((name, time) -> {
            if (time != null && time.isAfter(latest)) {
                errors.add(new FieldError("keyTimes." + name, "is in the future"));
            }
        });
        if (status == IncidentStatus.RESOLVED || status == IncidentStatus.CLOSED) {
            if (times.resolvedAt() == null) {
                times = times.withResolvedAt(now());
            }
        } else if (status != null && times.resolvedAt() != null) {
            errors.add(new FieldError(
                    "keyTimes.resolvedAt",
                    "an incident that is " + status.label() + " has no resolved time yet; resolve it instead"));
        }

        Long commanderId = null;
        String commander = trim(form.commander());
        if (commander != null) {
            Optional<User> user = accounts.findByUsername(commander);
            if (user.isEmpty()) {
                errors.add(new FieldError("commander", "unknown user '" + commander + "'"));
            } else {
                commanderId = user.get().id();
            }
        }
        List<Map.Entry<Long, ParticipantRole>> participants = new ArrayList<>();
        List<IncidentForm.ParticipantEntry> entries = form.participants() == null ? List.of() : form.participants();
        if (entries.size() > MAX_PARTICIPANTS) {
            errors.add(new FieldError("participants", "at most " + MAX_PARTICIPANTS));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            String field = "participants[" + i + "]";
            if (entry == null || trim(entry.username()) == null) {
                errors.add(new FieldError(field + ".username", "is required"));
                continue;
            }
            Optional<User> user = accounts.findByUsername(entry.username());
            Optional<ParticipantRole> role = ParticipantRole.parse(entry.role() == null ? "responder" : entry.role());
            if (user.isEmpty()) {
                errors.add(new FieldError(field + ".username", "unknown user '" + entry.username() + "'"));
            }
            if (role.isEmpty()) {
                errors.add(new FieldError(
                        field + ".role",
                        "'" + entry.role() + "' is not one of "
                                + java.util.Arrays.stream(ParticipantRole.values())
                                        .map(ParticipantRole::label)
                                        .toList()));
            }
            if (user.isPresent() && role.isPresent() && seen.add(user.get().id() + "/" + role.get())) {
                participants.add(Map.entry(user.get().id(), role.get()));
            }
        }

        List<String> tags = new ArrayList<>();
        for (String tag : distinct(form.tags())) {
            String t = tag.toLowerCase();
            if (!TAG.matcher(t).matches()) {
                errors.add(new FieldError(
                        "tags", "'" + tag + "' is not a tag: up to 60 letters, digits, '.', '_', ':' or '-'"));
            } else if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        if (tags.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "at most " + MAX_TAGS));
        }

        List<IncidentLink> links = new ArrayList<>();
        List<IncidentLink> formLinks = form.links() == null ? List.of() : form.links();
        if (formLinks.size() > MAX_LINKS) {
            errors.add(new FieldError("links", "at most " + MAX_LINKS));
        }
        for (int i = 0; i < formLinks.size(); i++) {
            IncidentLink link = formLinks.get(i);
            String field = "links[" + i + "]";
            String url = link == null ? null : trim(link.url());
            if (url == null) {
                errors.add(new FieldError(field + ".url", "is required"));
                continue;
            }
            if (url.length() > 2000 || !isWebUrl(url)) {
                errors.add(new FieldError(field + ".url", "'" + url + "' is not an http(s) URL"));
                continue;
            }
            String label = trim(link.label());
            if (label != null && label.length() > 200) {
                errors.add(new FieldError(field + ".label", "at most 200 characters"));
                continue;
            }
            links.add(new IncidentLink(label == null ? url : label, url));
        }

        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> given = form.customFields() == null ? Map.of() : form.customFields();
        List<CustomFieldDefinition> definitions = settings.customFields();
        for (String key : given.keySet()) {
            if (definitions.stream().noneMatch(d -> d.key().equals(key))) {
                errors.add(new FieldError(
                        "customFields." + key,
                        "no such field; defined fields: "
                                + definitions.stream()
                                        .map(CustomFieldDefinition::key)
                                        .toList()));
            }
        }
        for (CustomFieldDefinition definition : definitions) {
            String value = given.get(definition.key());
            definition.check(value).ifPresentOrElse(errors::add, () -> {
                if (value != null && !value.isBlank()) {
                    fields.put(definition.key(), value.trim());
                }
            });
        }

        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new IncidentRepository.Row(
                title,
                summary,
                severity.level(),
                status,
                visibility,
                new Impact(impactDescription, form.usersAffected(), form.errorBudgetConsumed()),
                times,
                commanderId,
                serviceIds,
                participants,
                tags,
                links,
                fields);
    }

    static List<FieldChange> diff(Incident before, Incident after) {
        Map<String, String> a = before == null ? Map.of() : flatten(before);
        Map<String, String> b = flatten(after);
        List<FieldChange> changes = new ArrayList<>();
        for (String key : b.keySet()) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                changes.add(new FieldChange(key, a.get(key), b.get(key)));
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(Incident i) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("title", i.title());
        map.put("summary", i.summary());
        map.put("severity", i.severity().label());
        map.put("status", i.status().label());
        map.put("visibility", i.visibility().label());
        map.put("services", i.serviceNames().isEmpty() ? null : String.join(", ", i.serviceNames()));
        map.put("impact.description", i.impact().description());
        map.put(
                "impact.usersAffected",
                i.impact().usersAffected() == null
                        ? null
                        : i.impact().usersAffected().toString());
        map.put(
                "impact.errorBudgetConsumed",
                i.impact().errorBudgetConsumed() == null
                        ? null
                        : i.impact().errorBudgetConsumed().toString());
        i.keyTimes()
                .asMap()
                .forEach((k, v) -> map.put(
                        "keyTimes." + k, v == null ? null : v.toInstant().toString()));
        map.put("commander", i.commander() == null ? null : i.commander().username());
        map.put(
                "participants",
                i.participants().isEmpty()
                        ? null
                        : String.join(
                                ", ",
                                i.participants().stream()
                                        .map(p -> p.username() + " (" + p.role().label() + ")")
                                        .toList()));
        map.put("tags", i.tags().isEmpty() ? null : String.join(", ", i.tags()));
        map.put(
                "links",
                i.links().isEmpty()
                        ? null
                        : String.join(
                                ", ",
                                i.links().stream()
                                        .map(l -> l.label() + " <" + l.url() + ">")
                                        .toList()));
        i.customFields().forEach((k, v) -> map.put("customFields." + k, v));
        return map;
    }

    private static String describe(List<FieldChange> changes) {
        if (changes.isEmpty()) {
            return "Saved without changes";
        }
        return "Changed "
                + String.join(", ", changes.stream().map(FieldChange::field).toList());
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute()
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> labels() {
        return java.util.Arrays.stream(IncidentStatus.values())
                .map(IncidentStatus::label)
                .toList();
    }

    private static List<String> distinct(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .filter(Objects::nonNull)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
