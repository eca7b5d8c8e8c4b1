package dev.hindsight.analysis;

import dev.hindsight.analysis.internal.References;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident's root causes and contributing factors: read, add, edit and remove them. Other modules refer to
 * factors by id (actions link to them, analytics count their categories). Every rule is checked here; a refused
 * request changes nothing. An incident the actor may not see is a {@link NotFoundException}, as if it did not exist.
 */
@Service
public class RootCauseAnalysis {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 5000;

    private final AnalysisRepository repository;
    private final IncidentManagement incidents;
    private final AuditTrail audit;
    private final Clock clock;

    RootCauseAnalysis(AnalysisRepository repository, IncidentManagement incidents, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    /** The incident's factors, root causes first, then in the order added. Never null. */
    public List<ContributingFactor> factorsOf(Actor actor, IncidentId incidentId) {
        incidents.get(actor, incidentId);
        return repository.factors(List.of(incidentId.value()));
    }

    /** One factor of the incident; {@link NotFoundException} when it is not one of the incident's. */
    public ContributingFactor factor(Actor actor, IncidentId incidentId, long factorId) {
        incidents.get(actor, incidentId);
        return repository
                .factor(incidentId.value(), factorId)
                .orElseThrow(() -> new NotFoundException("No factor " + factorId + " in " + incidentId.key()));
    }

    /**
     * The factors of the given incidents grouped by category key, categories in taxonomy order (categories without
     * factors are left out). Incidents that do not exist or that the actor may not see are skipped, so counts never
     * reveal restricted incidents. Never null.
     */
    public Map<String, List<ContributingFactor>> factorsByCategory(Actor actor, Collection<IncidentId> incidentIds) {
        List<Long> visible = incidentIds.stream()
                .distinct()
                .filter(id -> incidents.find(actor, id).isPresent())
                .map(IncidentId::value)
                .toList();
        Map<String, List<ContributingFactor>> grouped =
                repository.factors(visible).stream().collect(Collectors.groupingBy(ContributingFactor::category));
        Map<String, List<ContributingFactor>> ordered = new LinkedHashMap<>();
        for (FactorCategory category : repository.categories()) {
            if (grouped.containsKey(category.key())) {
                ordered.put(category.key(), grouped.get(category.key()));
            }
        }
        return ordered;
    }

    /** Adds a factor. Editors only; {@link InvalidInputException} listing every broken rule. */
    @Transactional
    public ContributingFactor add(Actor actor, IncidentId incidentId, FactorForm form) {
        actor.require(Role.EDITOR);
        Incident incident = incidents.get(actor, incidentId);
        AnalysisRepository.FactorRow row = validate(form, null);
        long id = repository.insertFactor(incidentId.value(), row, null, actor.userId(), now());
        ContributingFactor added = repository.factor(incidentId.value(), id).orElseThrow();
        audit.record(
                incidentId.value(),
                actor,
                "factor-added",
                "Added " + added.kind().label() + " '" + added.title() + "' (" + added.category() + ") to "
                        + incident.key(),
                diff(null, added));
        return added;
    }

    /**
     * Saves an edit made on {@code expectedVersion}. {@link ConflictException} (with the current version) when
     * someone saved since; {@link InvalidInputException} for broken rules. A null method keeps the current one.
     */
    @Transactional
    public ContributingFactor update(
            Actor actor, IncidentId incidentId, long factorId, FactorForm form, int expectedVersion) {
        actor.require(Role.EDITOR);
        ContributingFactor before = factor(actor, incidentId, factorId);
        checkVersion(before, expectedVersion);
        AnalysisRepository.FactorRow row = validate(form, before.method());
        if (!repository.updateFactor(factorId, row, expectedVersion, now())) {
            throw stale(before, repository.factorVersion(factorId).orElse(null));
        }
        ContributingFactor after =
                repository.factor(incidentId.value(), factorId).orElseThrow();
        List<FieldChange> changes = diff(before, after);
        audit.record(
                incidentId.value(),
                actor,
                "factor-updated",
                "Changed factor '" + after.title() + "': "
                        + changes.stream().map(FieldChange::field).collect(Collectors.joining(", ")),
                changes);
        return after;
    }

    /**
     * Removes a factor as seen at {@code expectedVersion}; a Five Whys answer it was marked on becomes unmarked.
     * {@link ConflictException} when someone saved since.
     */
    @Transactional
    public void remove(Actor actor, IncidentId incidentId, long factorId, int expectedVersion) {
        actor.require(Role.EDITOR);
        ContributingFactor before = factor(actor, incidentId, factorId);
        checkVersion(before, expectedVersion);
        if (!repository.deleteFactor(factorId, expectedVersion)) {
            throw stale(before, repository.factorVersion(factorId).orElse(null));
        }
        audit.record(
                incidentId.value(),
                actor,
                "factor-removed",
                "Removed " + before.kind().label() + " '" + before.title() + "'",
                diff(before, null));
    }

    AnalysisRepository.FactorRow validate(FactorForm form, AnalysisMethod currentMethod) {
        List<FieldError> errors = new ArrayList<>();
        FactorKind kind = null;
        if (form.kind() == null || form.kind().isBlank()) {
            errors.add(new FieldError("kind", "is required: ROOT_CAUSE or CONTRIBUTING_FACTOR"));
        } else {
            kind = FactorKind.parse(form.kind()).orElse(null);
            if (kind == null) {
                errors.add(
                        new FieldError("kind", "'" + form.kind() + "' is not one of ROOT_CAUSE, CONTRIBUTING_FACTOR"));
            }
        }
        String title = trim(form.title());
        if (title == null) {
            errors.add(new FieldError("title", "is required"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "at most " + MAX_TITLE + " characters (it has " + title.length() + ")"));
        }
        String category = trim(form.category());
        checkCategory(category, "category", errors);
        String description = trim(form.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "at most " + MAX_DESCRIPTION + " characters"));
        }
        AnalysisMethod method;
        if (form.method() == null || form.method().isBlank()) {
            method = currentMethod == null ? AnalysisMethod.MANUAL : currentMethod;
        } else {
            method = AnalysisMethod.parse(form.method()).orElse(null);
            if (method == null) {
                errors.add(new FieldError(
                        "method", "'" + form.method() + "' is not one of " + Arrays.toString(AnalysisMethod.values())));
            }
        }
        List<String> evidence = References.clean(form.evidence(), "evidence", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AnalysisRepository.FactorRow(kind, title, category, description, method, evidence);
    }

    void checkCategory(String category, String field, List<FieldError> errors) {
        if (category == null) {
            errors.add(new FieldError(field, "is required: one of " + categoryKeys()));
        } else if (!repository.categoryExists(category)) {
            errors.add(new FieldError(field, "unknown category '" + category + "'; one of " + categoryKeys()));
        }
    }

    private List<String> categoryKeys() {
        return repository.categories().stream().map(FactorCategory::key).toList();
    }

    static List<FieldChange> diff(ContributingFactor before, ContributingFactor after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "kind", before == null ? null : before.kind(), after == null ? null : after.kind());
        compare(changes, "title", before == null ? null : before.title(), after == null ? null : after.title());
        compare(
                changes,
                "category",
                before == null ? null : before.category(),
                after == null ? null : after.category());
        compare(
                changes,
                "description",
                before == null ? null : before.description(),
                after == null ? null : after.description());
        compare(changes, "method", before == null ? null : before.method(), after == null ? null : after.method());
        compare(
                changes,
                "evidence",
                before == null || before.evidence().isEmpty() ? null : before.evidence(),
                after == null || after.evidence().isEmpty() ? null : after.evidence());
        return changes;
    }

    private static void compare(List<FieldChange> changes, String field, Object before, Object after) {
        String a = before == null ? null : String.valueOf(before);
        String b = after == null ? null : String.valueOf(after);
        if (!Objects.equals(a, b)) {
            changes.add(new FieldChange(field, a, b));
        }
    }

    private static void checkVersion(ContributingFactor current, int expectedVersion) {
        if (current.version() != expectedVersion) {
            throw stale(current, current.version());
        }
    }

    private static ConflictException stale(ContributingFactor factor, Integer current) {
        return new ConflictException(
                "Factor '" + factor.title() + "' was changed by someone else since you opened it (it is now at version "
                        + current + "). Your changes were not saved: reload, then apply them again.",
                current);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
