package dev.hindsight.analysis;

import dev.hindsight.analysis.internal.References;
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
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Five Whys on an incident: problem statements, each with a tree of "why?" answers that may branch. Answers can be
 * marked as a root cause or contributing factor; marking creates or updates the linked {@link ContributingFactor}
 * (method {@link AnalysisMethod#FIVE_WHYS}), unmarking or removing the answer removes it. Trees stay trees: a parent
 * is always in the same tree, never the answer itself or one below it, and no answer is deeper than
 * {@value #MAX_DEPTH}.
 */
@Service
public class FiveWhysAnalysis {

    /** The deepest an answer may sit: 1 answers the problem statement directly. */
    public static final int MAX_DEPTH = 20;

    static final int MAX_TEXT = 1000;

    private final AnalysisRepository repository;
    private final RootCauseAnalysis factors;
    private final IncidentManagement incidents;
    private final AuditTrail audit;
    private final Clock clock;

    FiveWhysAnalysis(
            AnalysisRepository repository,
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

    /** The incident's problem statements with their trees, in the order added. Never null. */
    public List<FiveWhys> of(Actor actor, IncidentId incidentId) {
        incidents.get(actor, incidentId);
        return repository.fiveWhys(incidentId.value());
    }

    /** One problem statement with its tree; {@link NotFoundException} when it is not the incident's. */
    public FiveWhys get(Actor actor, IncidentId incidentId, long fiveWhysId) {
        return of(actor, incidentId).stream()
                .filter(w -> w.id() == fiveWhysId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No Five Whys " + fiveWhysId + " in " + incidentId.key()));
    }

    /** Starts a Five Whys with its problem statement (1 to {@value #MAX_TEXT} characters). Editors only. */
    @Transactional
    public FiveWhys start(Actor actor, IncidentId incidentId, String problem) {
        actor.require(Role.EDITOR);
        incidents.get(actor, incidentId);
        String text = text(problem, "problem");
        long id = repository.insertFiveWhys(incidentId.value(), text, actor.userId(), now());
        audit.record(
                incidentId.value(),
                actor,
                "five-whys-started",
                "Started a Five Whys: " + text,
                List.of(new FieldChange("problem", null, text)));
        return get(actor, incidentId, id);
    }

    /**
     * Rewords the problem statement as seen at {@code expectedVersion}. {@link ConflictException} when someone
     * reworded it since; {@link InvalidInputException} for an empty or overlong statement.
     */
    @Transactional
    public FiveWhys reword(Actor actor, IncidentId incidentId, long fiveWhysId, String problem, int expectedVersion) {
        actor.require(Role.EDITOR);
        FiveWhys before = lockedTree(actor, incidentId, fiveWhysId);
        String text = text(problem, "problem");
        if (before.version() != expectedVersion || !repository.updateProblem(fiveWhysId, text, expectedVersion)) {
            throw new ConflictException(
                    "The problem statement was changed by someone else since you opened it (it is now at version "
                            + repository.fiveWhysVersion(fiveWhysId).orElse(null)
                            + "). Your changes were not saved: reload, then apply them again.",
                    repository.fiveWhysVersion(fiveWhysId).orElse(null));
        }
        audit.record(
                incidentId.value(),
                actor,
                "five-whys-reworded",
                "Reworded a Five Whys problem: " + text,
                List.of(new FieldChange("problem", before.problem(), text)));
        return get(actor, incidentId, fiveWhysId);
    }

    /**
     * Removes a Five Whys as seen at {@code expectedVersion}, with all its answers and the factors marked on them.
     * {@link ConflictException} when its problem statement was reworded since.
     */
    @Transactional
    public void remove(Actor actor, IncidentId incidentId, long fiveWhysId, int expectedVersion) {
        actor.require(Role.EDITOR);
        FiveWhys before = lockedTree(actor, incidentId, fiveWhysId);
        if (before.version() != expectedVersion) {
            throw new ConflictException(
                    "The problem statement was changed by someone else since you opened it (it is now at version "
                            + before.version() + "). Nothing was removed: reload, then decide again.",
                    before.version());
        }
        repository.deleteFiveWhys(fiveWhysId);
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("problem", before.problem(), null));
        for (WhyNode n : before.nodes()) {
            if (n.factor() != null) {
                changes.add(new FieldChange(
                        "factor", n.factor().kind().label() + ": " + n.factor().title(), null));
            }
        }
        audit.record(
                incidentId.value(),
                actor,
                "five-whys-removed",
                "Removed the Five Whys on '" + before.problem() + "' and its "
                        + before.nodes().size() + " answer(s)",
                changes);
    }

    /**
     * Adds an answer below {@code parentId} (null: a direct answer to the problem statement). {@link
     * InvalidInputException} when the text is empty or too long, the parent is not in this tree, or the answer would
     * sit deeper than {@value #MAX_DEPTH}.
     */
    @Transactional
    public WhyNode addWhy(
            Actor actor, IncidentId incidentId, long fiveWhysId, Long parentId, String text, List<String> references) {
        actor.require(Role.EDITOR);
        FiveWhys tree = lockedTree(actor, incidentId, fiveWhysId);
        List<FieldError> errors = new ArrayList<>();
        String answer = text(text, "text", errors);
        List<String> refs = References.clean(references, "references", errors);
        if (parentId != null) {
            WhyNode parent = node(tree, parentId);
            if (parent == null) {
                errors.add(new FieldError(
                        "parentId", "must be an answer in the same Five Whys (" + parentId + " is not)"));
            } else if (parent.depth() + 1 > MAX_DEPTH) {
                errors.add(new FieldError("parentId", "answers may go at most " + MAX_DEPTH + " levels deep"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = repository.insertNode(fiveWhysId, parentId, answer, refs, actor.userId(), now());
        audit.record(
                incidentId.value(),
                actor,
                "why-added",
                "Why? → because " + answer,
                List.of(
                        new FieldChange("text", null, answer),
                        new FieldChange("parentId", null, parentId == null ? null : String.valueOf(parentId))));
        return node(repository.fiveWhys(incidentId.value()), id);
    }

    /**
     * Saves an edit of an answer made on {@code expectedVersion}: its text, references and parent (null moves it
     * directly under the problem statement). Moving keeps the tree a tree: {@link InvalidInputException} when the
     * new parent is the answer itself or below it, is in another tree, or the moved answers would sit deeper than
     * {@value #MAX_DEPTH}. A factor marked on the answer takes the new text as its title.
     */
    @Transactional
    public WhyNode updateWhy(
            Actor actor,
            IncidentId incidentId,
            long fiveWhysId,
            long nodeId,
            Long parentId,
            String text,
            List<String> references,
            int expectedVersion) {
        actor.require(Role.EDITOR);
        FiveWhys tree = lockedTree(actor, incidentId, fiveWhysId);
        WhyNode before = existing(tree, nodeId);
        checkVersion(before, expectedVersion);
        List<FieldError> errors = new ArrayList<>();
        String answer = text(text, "text", errors);
        List<String> refs = References.clean(references, "references", errors);
        if (parentId != null) {
            WhyNode parent = node(tree, parentId);
            if (parent == null) {
                errors.add(new FieldError(
                        "parentId", "must be an answer in the same Five Whys (" + parentId + " is not)"));
            } else if (subtree(tree, nodeId).contains(parent)) {
                errors.add(new FieldError(
                        "parentId", "cannot be the answer itself or one below it (that would be a cycle)"));
            } else {
                int height = subtree(tree, nodeId).stream()
                                .mapToInt(WhyNode::depth)
                                .max()
                                .orElse(before.depth())
                        - before.depth();
                if (parent.depth() + 1 + height > MAX_DEPTH) {
                    errors.add(new FieldError("parentId", "answers may go at most " + MAX_DEPTH + " levels deep"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!repository.updateNode(nodeId, parentId, answer, refs, expectedVersion)) {
            throw stale(before, repository.nodeVersion(nodeId).orElse(null));
        }
        if (before.factor() != null && !before.factor().title().equals(title(answer))) {
            ContributingFactor f = before.factor();
            repository.updateFactor(
                    f.id(),
                    new AnalysisRepository.FactorRow(
                            f.kind(), title(answer), f.category(), f.description(), f.method(), f.evidence()),
                    f.version(),
                    now());
        }
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "text", before.text(), answer);
        compare(changes, "references", before.references().toString(), refs.toString());
        compare(changes, "parentId", before.parentId(), parentId);
        audit.record(
                incidentId.value(),
                actor,
                "why-updated",
                "Changed why '" + answer + "': "
                        + changes.stream().map(FieldChange::field).collect(Collectors.joining(", ")),
                changes);
        return node(repository.fiveWhys(incidentId.value()), nodeId);
    }

    /**
     * Removes an answer as seen at {@code expectedVersion}, with every answer below it and the factors marked on
     * them. {@link ConflictException} when someone changed the answer since.
     */
    @Transactional
    public void removeWhy(Actor actor, IncidentId incidentId, long fiveWhysId, long nodeId, int expectedVersion) {
        actor.require(Role.EDITOR);
        FiveWhys tree = lockedTree(actor, incidentId, fiveWhysId);
        WhyNode before = existing(tree, nodeId);
        checkVersion(before, expectedVersion);
        List<WhyNode> removed = subtree(tree, nodeId);
        List<Long> bottomUp = removed.stream().map(WhyNode::id).toList().reversed();
        repository.deleteNodes(bottomUp);
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("text", before.text(), null));
        for (WhyNode n : removed) {
            if (n.factor() != null) {
                changes.add(new FieldChange(
                        "factor", n.factor().kind().label() + ": " + n.factor().title(), null));
            }
        }
        audit.record(
                incidentId.value(),
                actor,
                "why-removed",
                "Removed why '" + before.text() + "'"
                        + (removed.size() > 1 ? " and " + (removed.size() - 1) + " answer(s) below it" : ""),
                changes);
    }

    /**
     * Marks an answer as a root cause or contributing factor in a category: creates its factor (title from the
     * answer, description from the chain above it, evidence from its references) or updates the kind and category
     * of the one already linked. {@link InvalidInputException} for an unknown kind or category.
     */
    @Transactional
    public ContributingFactor mark(
            Actor actor, IncidentId incidentId, long fiveWhysId, long nodeId, String kind, String category) {
        actor.require(Role.EDITOR);
        FiveWhys tree = lockedTree(actor, incidentId, fiveWhysId);
        WhyNode node = existing(tree, nodeId);
        ContributingFactor current = node.factor();
        FactorForm form = new FactorForm(
                kind,
                title(node.text()),
                category,
                current == null ? chain(tree, node) : current.description(),
                AnalysisMethod.FIVE_WHYS.name(),
                current == null ? node.references() : current.evidence());
        AnalysisRepository.FactorRow row = factors.validate(form, AnalysisMethod.FIVE_WHYS);
        long factorId;
        if (current == null) {
            factorId = repository.insertFactor(incidentId.value(), row, nodeId, actor.userId(), now());
        } else if (current.kind() == row.kind() && current.category().equals(row.category())) {
            return current;
        } else {
            factorId = current.id();
            if (!repository.updateFactor(factorId, row, current.version(), now())) {
                throw new ConflictException(
                        "The factor marked on this answer was changed by someone else just now; reload and try again.",
                        repository.factorVersion(factorId).orElse(null));
            }
        }
        ContributingFactor after =
                repository.factor(incidentId.value(), factorId).orElseThrow();
        audit.record(
                incidentId.value(),
                actor,
                "why-marked",
                "Marked why '" + node.text() + "' as " + after.kind().label() + " (" + after.category() + ")",
                RootCauseAnalysis.diff(current, after));
        return after;
    }

    /** Removes the factor marked on an answer; nothing changes (and nothing is recorded) when it is not marked. */
    @Transactional
    public void unmark(Actor actor, IncidentId incidentId, long fiveWhysId, long nodeId) {
        actor.require(Role.EDITOR);
        FiveWhys tree = lockedTree(actor, incidentId, fiveWhysId);
        WhyNode node = existing(tree, nodeId);
        if (node.factor() == null) {
            return;
        }
        repository.deleteFactor(node.factor().id());
        audit.record(
                incidentId.value(),
                actor,
                "why-unmarked",
                "Unmarked why '" + node.text() + "' (was "
                        + node.factor().kind().label() + ")",
                RootCauseAnalysis.diff(node.factor(), null));
    }

    private FiveWhys lockedTree(Actor actor, IncidentId incidentId, long fiveWhysId) {
        incidents.get(actor, incidentId);
        repository
                .lockTree(incidentId.value(), fiveWhysId)
                .orElseThrow(() -> new NotFoundException("No Five Whys " + fiveWhysId + " in " + incidentId.key()));
        return repository.fiveWhys(incidentId.value()).stream()
                .filter(w -> w.id() == fiveWhysId)
                .findFirst()
                .orElseThrow();
    }

    private static WhyNode existing(FiveWhys tree, long nodeId) {
        WhyNode node = node(tree, nodeId);
        if (node == null) {
            throw new NotFoundException("No answer " + nodeId + " in this Five Whys");
        }
        return node;
    }

    private static WhyNode node(FiveWhys tree, long nodeId) {
        return tree.nodes().stream().filter(n -> n.id() == nodeId).findFirst().orElse(null);
    }

    private static WhyNode node(List<FiveWhys> trees, long nodeId) {
        return trees.stream()
                .map(t -> node(t, nodeId))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow();
    }

    /** The answer and every answer below it, parents before children. */
    private static List<WhyNode> subtree(FiveWhys tree, long nodeId) {
        List<WhyNode> result = new ArrayList<>();
        List<Long> frontier = new ArrayList<>(List.of(nodeId));
        for (WhyNode n : tree.nodes()) {
            if (n.id() == nodeId || (n.parentId() != null && frontier.contains(n.parentId()))) {
                result.add(n);
                frontier.add(n.id());
            }
        }
        return result;
    }

    private static String chain(FiveWhys tree, WhyNode node) {
        List<String> steps = new ArrayList<>();
        WhyNode at = node;
        while (at != null) {
            steps.addFirst(at.text());
            at = at.parentId() == null ? null : node(tree, at.parentId());
        }
        String text = "Five Whys on \"" + tree.problem() + "\": " + String.join(" → ", steps);
        return text.length() > RootCauseAnalysis.MAX_DESCRIPTION
                ? text.substring(0, RootCauseAnalysis.MAX_DESCRIPTION - 1) + "…"
                : text;
    }

    private static String title(String text) {
        return text.length() > RootCauseAnalysis.MAX_TITLE
                ? text.substring(0, RootCauseAnalysis.MAX_TITLE - 1) + "…"
                : text;
    }

    private static String text(String value, String field) {
        List<FieldError> errors = new ArrayList<>();
        String text = text(value, field, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return text;
    }

    private static String text(String value, String field, List<FieldError> errors) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            errors.add(new FieldError(field, "is required (1 to " + MAX_TEXT + " characters)"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "at most " + MAX_TEXT + " characters (it has " + text.length() + ")"));
        }
        return text;
    }

    private static void compare(List<FieldChange> changes, String field, Object before, Object after) {
        String a = before == null ? null : String.valueOf(before);
        String b = after == null ? null : String.valueOf(after);
        if (!Objects.equals(a, b)) {
            changes.add(new FieldChange(field, a, b));
        }
    }

    private static void checkVersion(WhyNode current, int expectedVersion) {
        if (current.version() != expectedVersion) {
            throw stale(current, current.version());
        }
    }

    private static ConflictException stale(WhyNode node, Integer current) {
        return new ConflictException(
                "The answer '" + node.text()
                        + "' was changed by someone else since you opened it (it is now at version " + current
                        + "). Your changes were not saved: reload, then apply them again.",
                current);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
