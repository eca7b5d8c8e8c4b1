package dev.hindsight.analysis;

import dev.hindsight.analysis.internal.FishboneSvg;
import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fishbone (Ishikawa) diagrams on an incident: an effect, categories of causes (a default set for software systems,
 * then added, renamed, moved and removed freely) and two levels of causes: cause, then sub-cause. A cause can be
 * promoted to a root cause or contributing factor: {@link RootCauseAnalysis} adds the factor (method {@link
 * AnalysisMethod#FISHBONE}) and the cause keeps a link to it. Every change is checked and recorded in the audit trail;
 * a refused request changes nothing. An incident the actor may not see is a {@link NotFoundException}.
 */
@Service
public class FishboneAnalysis {

    /** The longest effect, category name and cause. */
    public static final int MAX_EFFECT = 300;

    public static final int MAX_CATEGORY = 80;
    public static final int MAX_CAUSE = 300;

    /** The most categories one diagram may have. */
    public static final int MAX_CATEGORIES = 16;

    /** The categories a new diagram starts with, in order, each with the factor category it suggests. */
    public static final Map<String, String> DEFAULT_CATEGORIES = defaults();

    private final FishboneRepository repository;
    private final RootCauseAnalysis factors;
    private final IncidentManagement incidents;
    private final AuditTrail audit;
    private final Clock clock;

    FishboneAnalysis(
            FishboneRepository repository,
            RootCauseAnalysis factors,
            IncidentManagement incidents,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.factors = factors;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    private static Map<String, String> defaults() {
        var map = new LinkedHashMap<String, String>();
        map.put("Code & changes", "change");
        map.put("Configuration", "configuration");
        map.put("Infrastructure & capacity", "capacity");
        map.put("Dependencies", "dependency");
        map.put("Monitoring & detection", "detection-gap");
        map.put("Process & tooling", "process");
        map.put("Knowledge & documentation", "knowledge");
        map.put("Environment & load", "capacity");
        return Collections.unmodifiableMap(map);
    }

    /** The factor category a cause on {@code categoryName} most likely belongs to; empty string when none. */
    public static String suggestedFactorCategory(String categoryName) {
        return DEFAULT_CATEGORIES.getOrDefault(categoryName, "");
    }

    /** The incident's diagrams in the order added. Never null. */
    public List<Fishbone> of(Actor actor, IncidentId incidentId) {
        incidents.get(actor, incidentId);
        return load(actor, incidentId);
    }

    /** One diagram of the incident; {@link NotFoundException} when it is not one of the incident's. */
    public Fishbone get(Actor actor, IncidentId incidentId, long fishboneId) {
        incidents.get(actor, incidentId);
        return find(actor, incidentId, fishboneId);
    }

    /** The diagram drawn as a standalone SVG document (text XML-escaped, long labels shortened). Never null. */
    public String svg(Actor actor, IncidentId incidentId, long fishboneId) {
        return FishboneSvg.render(get(actor, incidentId, fishboneId));
    }

    /** Starts a diagram on {@code effect} with the {@link #DEFAULT_CATEGORIES}. Editors only. */
    @Transactional
    public Fishbone create(Actor actor, IncidentId incidentId, String effect) {
        actor.require(Role.EDITOR);
        incidents.get(actor, incidentId);
        String text = text(effect, "effect", MAX_EFFECT);
        long id = repository.insertFishbone(incidentId.value(), text, actor.userId(), now());
        int position = 0;
        for (String name : DEFAULT_CATEGORIES.keySet()) {
            repository.insertCategory(id, name, position++);
        }
        audit.record(
                incidentId.value(),
                actor,
                "fishbone-created",
                "Started a fishbone diagram on '" + text + "'",
                List.of(
                        new FieldChange("effect", null, text),
                        new FieldChange("categories", null, String.join(", ", DEFAULT_CATEGORIES.keySet()))));
        return find(actor, incidentId, id);
    }

    /** Rewords the effect as seen at {@code expectedVersion}; {@link ConflictException} when someone saved since. */
    @Transactional
    public Fishbone reword(Actor actor, IncidentId incidentId, long fishboneId, String effect, int expectedVersion) {
        actor.require(Role.EDITOR);
        Fishbone before = locked(actor, incidentId, fishboneId);
        String text = text(effect, "effect", MAX_EFFECT);
        if (before.version() != expectedVersion || !repository.updateEffect(fishboneId, text, expectedVersion)) {
            throw stale("The effect", before.version());
        }
        audit.record(
                incidentId.value(),
                actor,
                "fishbone-updated",
                "Reworded the fishbone effect to '" + text + "'",
                List.of(new FieldChange("effect", before.effect(), text)));
        return find(actor, incidentId, fishboneId);
    }

    /**
     * Removes the diagram as seen at {@code expectedVersion}, with its categories and causes. Factors promoted from
     * it stay: they belong to the incident's analysis now.
     */
    @Transactional
    public void remove(Actor actor, IncidentId incidentId, long fishboneId, int expectedVersion) {
        actor.require(Role.EDITOR);
        Fishbone before = locked(actor, incidentId, fishboneId);
        if (before.version() != expectedVersion) {
            throw stale("The effect", before.version());
        }
        repository.deleteFishbone(fishboneId);
        audit.record(
                incidentId.value(),
                actor,
                "fishbone-removed",
                "Removed the fishbone diagram on '" + before.effect() + "' and its "
                        + before.allCauses().size() + " cause(s)",
                List.of(new FieldChange("effect", before.effect(), null)));
    }

    /** Adds a category at the end. {@link InvalidInputException} for an empty, too long or repeated name. */
    @Transactional
    public FishboneCategory addCategory(Actor actor, IncidentId incidentId, long fishboneId, String name) {
        actor.require(Role.EDITOR);
        Fishbone before = locked(actor, incidentId, fishboneId);
        List<FieldError> errors = new ArrayList<>();
        String text = categoryName(before, name, null, errors);
        if (before.categories().size() >= MAX_CATEGORIES) {
            errors.add(new FieldError("name", "a diagram has at most " + MAX_CATEGORIES + " categories"));
        }
        check(errors);
        long id =
                repository.insertCategory(fishboneId, text, before.categories().size());
        audit.record(
                incidentId.value(),
                actor,
                "fishbone-category-added",
                "Added category '" + text + "' to the fishbone on '" + before.effect() + "'",
                List.of(new FieldChange("category", null, text)));
        return find(actor, incidentId, fishboneId).category(id).orElseThrow();
    }

    /**
     * Renames a category and moves it to {@code position} (0 first; null keeps its place; past the end means last),
     * as seen at {@code expectedVersion}.
     */
    @Transactional
    public FishboneCategory updateCategory(
            Actor actor,
            IncidentId incidentId,
            long fishboneId,
            long categoryId,
            String name,
            Integer position,
            int expectedVersion) {
        actor.require(Role.EDITOR);
        Fishbone before = locked(actor, incidentId, fishboneId);
        FishboneCategory category = existingCategory(before, categoryId);
        List<FieldError> errors = new ArrayList<>();
        String text = name == null ? category.name() : categoryName(before, name, categoryId, errors);
        if (position != null && position < 0) {
            errors.add(new FieldError("position", "must be 0 or more"));
        }
        check(errors);
        if (category.version() != expectedVersion || !repository.updateCategory(categoryId, text, expectedVersion)) {
            throw stale("The category '" + category.name() + "'", category.version());
        }
        List<FieldChange> changes = new ArrayList<>();
        if (!text.equals(category.name())) {
            changes.add(new FieldChange("name", category.name(), text));
        }
        if (position != null) {
            List<FishboneCategory> order = new ArrayList<>(before.categories());
            order.remove(category);
            int to = Math.min(position, order.size());
            order.add(to, category);
            for (int i = 0; i < order.size(); i++) {
                repository.setPosition(order.get(i).id(), i);
            }
            int from = before.categories().indexOf(category);
            if (from != to) {
                changes.add(new FieldChange("position", String.valueOf(from), String.valueOf(to)));
            }
        }
        audit.record(
                incidentId.value(),
                actor,
                "fishbone-category-updated",
                "Changed fishbone category '" + text + "': "
                        + changes.stream().map(FieldChange::field).collect(Collectors.joining(", ")),
                changes);
        return find(actor, incidentId, fishboneId).category(categoryId).orElseThrow();
    }

    /** Removes a category with its causes, as seen at {@code expectedVersion}. Promoted factors stay. */
    @Transactional
    public void removeCategory(
            Actor actor, IncidentId incidentId, long fishboneId, long categoryId, int expectedVersion) {
        actor.require(Role.EDITOR);
        Fishbone before = locked(actor, incidentId, fishboneId);
        FishboneCategory category = existingCategory(before, categoryId);
        if (category.version() != expectedVersion) {
            throw stale("The category '" + category.name() + "'", category.version());
        }
        repository.deleteCategory(categoryId);
        List<FishboneCategory> rest = new ArrayList<>(before.categories());
        rest.remove(category);
        for (int i = 0; i < rest.size(); i++) {
            repository.setPosition(rest.get(i).id(), i);
        }
        audit.record(
                incidentId.value(),
                actor,
                "fishbone-category-removed",
                "Removed fishbone category '" + category.name() + "' and its causes",
                List.of(new FieldChange("category", category.name(), null)));
    }

    /**
     * Adds a cause to a category, or a sub-cause when {@code parentId} names a cause (then {@code categoryId} may be
     * null). Two levels only: {@link InvalidInputException} when the parent is itself a sub-cause, is not on this
     * diagram, or sits in another category than the one given.
     */
    @Transactional
    public FishboneCause addCause(
            Actor actor, IncidentId incidentId, long fishboneId, Long categoryId, Long parentId, String text) {
        actor.require(Role.EDITOR);
        Fishbone before = locked(actor, incidentId, fishboneId);
        List<FieldError> errors = new ArrayList<>();
        String cause = text(text, "text", MAX_CAUSE, errors);
        Long category = categoryId;
        if (parentId != null) {
            FishboneCause parent = before.cause(parentId).orElse(null);
            if (parent == null) {
                errors.add(new FieldError("parentId", "must be a cause on this diagram (" + parentId + " is not)"));
            } else if (parent.parentId() != null) {
                errors.add(new FieldError(
                        "parentId", "is a sub-cause; causes go two levels deep (cause, then sub-cause)"));
            } else if (category != null && category != parent.categoryId()) {
                errors.add(new FieldError("categoryId", "differs from the category of the parent cause"));
            } else {
                category = parent.categoryId();
            }
        } else if (category == null) {
            errors.add(new FieldError("categoryId", "is required: the category the cause belongs to"));
        } else if (before.category(category).isEmpty()) {
            errors.add(new FieldError("categoryId", "must be a category of this diagram (" + category + " is not)"));
        }
        check(errors);
        long id = repository.insertCause(category, parentId, cause, actor.userId(), now());
        String categoryName = before.category(category).orElseThrow().name();
        audit.record(
                incidentId.value(),
                actor,
                parentId == null ? "fishbone-cause-added" : "fishbone-subcause-added",
                (parentId == null ? "Added cause '" : "Added sub-cause '") + cause + "' under " + categoryName,
                List.of(
                        new FieldChange("text", null, cause),
                        new FieldChange("category", null, categoryName),
                        new FieldChange("parentId", null, parentId == null ? null : String.valueOf(parentId))));
        return find(actor, incidentId, fishboneId).cause(id).orElseThrow();
    }

    /** Rewords a cause or sub-cause as seen at {@code expectedVersion}. */
    @Transactional
    public FishboneCause rewordCause(
            Actor actor, IncidentId incidentId, long fishboneId, long causeId, String text, int expectedVersion) {
        actor.require(Role.EDITOR);
        Fishbone before = locked(actor, incidentId, fishboneId);
        FishboneCause cause = existingCause(before, causeId);
        String reworded = text(text, "text", MAX_CAUSE);
        if (cause.version() != expectedVersion || !repository.updateCause(causeId, reworded, expectedVersion)) {
            throw stale("The cause '" + cause.text() + "'", cause.version());
        }
        audit.record(
                incidentId.value(),
                actor,
                "fishbone-cause-updated",
                "Reworded fishbone cause to '" + reworded + "'",
                List.of(new FieldChange("text", cause.text(), reworded)));
        return find(actor, incidentId, fishboneId).cause(causeId).orElseThrow();
    }

    /** Removes a cause with its sub-causes, as seen at {@code expectedVersion}. Promoted factors stay. */
    @Transactional
    public void removeCause(Actor actor, IncidentId incidentId, long fishboneId, long causeId, int expectedVersion) {
        actor.require(Role.EDITOR);
        Fishbone before = locked(actor, incidentId, fishboneId);
        FishboneCause cause = existingCause(before, causeId);
        if (cause.version() != expectedVersion) {
            throw stale("The cause '" + cause.text() + "'", cause.version());
        }
        repository.deleteCause(causeId);
        audit.record(
                incidentId.value(),
                actor,
                "fishbone-cause-removed",
                "Removed fishbone cause '" + cause.text() + "'"
                        + (cause.subCauses().isEmpty()
                                ? ""
                                : " and its " + cause.subCauses().size() + " sub-cause(s)"),
                List.of(new FieldChange("text", cause.text(), null)));
    }

    /**
     * Promotes a cause or sub-cause to a root cause or contributing factor: {@link RootCauseAnalysis#add} creates
     * the factor (title from the cause, description naming the diagram's path to it, method {@link
     * AnalysisMethod#FISHBONE}) and the cause is linked to it. {@link InvalidInputException} for an unknown kind or
     * category, or a cause already promoted.
     */
    @Transactional
    public ContributingFactor promote(
            Actor actor, IncidentId incidentId, long fishboneId, long causeId, String kind, String category) {
        actor.require(Role.EDITOR);
        Fishbone before = locked(actor, incidentId, fishboneId);
        FishboneCause cause = existingCause(before, causeId);
        if (cause.isPromoted()) {
            throw new InvalidInputException(
                    "causeId",
                    "is already promoted to " + cause.factor().kind().label() + " '"
                            + cause.factor().title() + "'");
        }
        FishboneCategory bone = before.category(cause.categoryId()).orElseThrow();
        String path = bone.name() + " → "
                + (cause.parentId() == null
                        ? cause.text()
                        : before.cause(cause.parentId()).orElseThrow().text() + " → " + cause.text());
        String description = "Fishbone on \"" + before.effect() + "\": " + path;
        ContributingFactor factor = factors.add(
                actor,
                incidentId,
                new FactorForm(
                        kind,
                        shorten(cause.text(), RootCauseAnalysis.MAX_TITLE),
                        category,
                        shorten(description, RootCauseAnalysis.MAX_DESCRIPTION),
                        AnalysisMethod.FISHBONE.name(),
                        List.of()));
        repository.setFactor(causeId, factor.id());
        audit.record(
                incidentId.value(),
                actor,
                "fishbone-cause-promoted",
                "Promoted fishbone cause '" + cause.text() + "' to "
                        + factor.kind().label() + " (" + factor.category() + ")",
                List.of(
                        new FieldChange("kind", null, factor.kind().name()),
                        new FieldChange("category", null, factor.category()),
                        new FieldChange("factorId", null, String.valueOf(factor.id()))));
        return factor;
    }

    private List<Fishbone> load(Actor actor, IncidentId incidentId) {
        Map<Long, ContributingFactor> byId = factors.factorsOf(actor, incidentId).stream()
                .collect(Collectors.toMap(ContributingFactor::id, Function.identity()));
        return repository.fishbones(incidentId.value(), byId);
    }

    private Fishbone find(Actor actor, IncidentId incidentId, long fishboneId) {
        return load(actor, incidentId).stream()
                .filter(f -> f.id() == fishboneId)
                .findFirst()
                .orElseThrow(
                        () -> new NotFoundException("No fishbone diagram " + fishboneId + " in " + incidentId.key()));
    }

    private Fishbone locked(Actor actor, IncidentId incidentId, long fishboneId) {
        incidents.get(actor, incidentId);
        repository
                .lock(incidentId.value(), fishboneId)
                .orElseThrow(
                        () -> new NotFoundException("No fishbone diagram " + fishboneId + " in " + incidentId.key()));
        return find(actor, incidentId, fishboneId);
    }

    private static FishboneCategory existingCategory(Fishbone fishbone, long categoryId) {
        return fishbone.category(categoryId)
                .orElseThrow(() -> new NotFoundException("No category " + categoryId + " in this fishbone"));
    }

    private static FishboneCause existingCause(Fishbone fishbone, long causeId) {
        return fishbone.cause(causeId)
                .orElseThrow(() -> new NotFoundException("No cause " + causeId + " in this fishbone"));
    }

    private static String categoryName(Fishbone fishbone, String name, Long except, List<FieldError> errors) {
        String text = text(name, "name", MAX_CATEGORY, errors);
        boolean taken = fishbone.categories().stream()
                .anyMatch(c -> (except == null || c.id() != except)
                        && c.name().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT)));
        if (!text.isEmpty() && taken) {
            errors.add(new FieldError("name", "'" + text + "' is already a category of this diagram"));
        }
        return text;
    }

    private static String text(String value, String field, int max) {
        List<FieldError> errors = new ArrayList<>();
        String text = text(value, field, max, errors);
        check(errors);
        return text;
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        String text = value == null ? "" : value.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        if (text.isEmpty()) {
            errors.add(new FieldError(field, "is required (1 to " + max + " characters)"));
        } else if (text.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters (it has " + text.length() + ")"));
        }
        return text;
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    private static ConflictException stale(String what, int current) {
        return new ConflictException(
                what + " was changed by someone else since you opened it (it is now at version " + current
                        + "). Your changes were not saved: reload, then apply them again.",
                current);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
