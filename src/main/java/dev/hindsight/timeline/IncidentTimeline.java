package dev.hindsight.timeline;

import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.evidence.Evidence;
import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import dev.hindsight.timeline.TimelineRepository.EntryRow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timeline module's API. Entries are proposed from the evidence at read time; curation (accept, hide, edit,
 * annotate, merge, key moments), manual entries and statements are stored. Whoever may see the incident may read its
 * timeline (others get {@link NotFoundException}); editors curate; editors and the incident's people write
 * statements. Edits carry the entry's version (0 for a source entry nobody has curated): a stale one is a
 * {@link ConflictException} and changes nothing. Every change is audited in the same transaction.
 */
@Service
public class IncidentTimeline {

    static final int MAX_TEXT = 2000;
    static final int MAX_STATEMENT = 10_000;
    static final int MAX_TIMES = 20;
    static final int MAX_LINKS = 50;
    static final int MAX_RAW_LINES = 200;

    private final TimelineRepository repository;
    private final ProposalSource source;
    private final RawLines rawLines;
    private final EvidenceCollection evidence;
    private final IncidentManagement incidents;
    private final AuditTrail audit;
    private final Clock clock;

    IncidentTimeline(
            TimelineRepository repository,
            ProposalSource source,
            RawLines rawLines,
            EvidenceCollection evidence,
            IncidentManagement incidents,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.source = source;
        this.rawLines = rawLines;
        this.evidence = evidence;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    /** The entries the filter keeps, oldest first (ties by ref); never null. */
    public List<TimelineEntry> entries(Actor actor, IncidentId id, TimelineFilter filter) {
        incidents.get(actor, id);
        return build(actor, id, filter.allEvents()).stream()
                .filter(filter::keeps)
                .toList();
    }

    /** One entry, whatever its status; {@link NotFoundException} when there is none by that ref. */
    public TimelineEntry entry(Actor actor, IncidentId id, String ref) {
        incidents.get(actor, id);
        String key = EntryRef.parse(ref).toString();
        return build(actor, id, true).stream()
                .filter(e -> e.ref().equals(key))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No timeline entry " + key + " on " + id.key()));
    }

    /** The incident's statements, oldest first. */
    public List<Statement> statements(Actor actor, IncidentId id) {
        incidents.get(actor, id);
        return repository.statements(id.value());
    }

    /** Accepts the entry onto the curated timeline (from proposed or hidden). */
    @Transactional
    public TimelineEntry accept(Actor actor, IncidentId id, String ref, int expectedVersion) {
        return changeStatus(actor, id, ref, expectedVersion, EntryStatus.ACCEPTED, "accepted");
    }

    /** Hides the entry; it stays listed under "hidden" and can be restored. A key moment entry cannot be hidden. */
    @Transactional
    public TimelineEntry hide(Actor actor, IncidentId id, String ref, int expectedVersion) {
        return changeStatus(actor, id, ref, expectedVersion, EntryStatus.HIDDEN, "hidden");
    }

    /** Puts a source entry back to proposed (a manual or statement entry back to accepted). */
    @Transactional
    public TimelineEntry restore(Actor actor, IncidentId id, String ref, int expectedVersion) {
        return changeStatus(actor, id, ref, expectedVersion, null, "restored");
    }

    private TimelineEntry changeStatus(
            Actor actor, IncidentId id, String ref, int expectedVersion, EntryStatus to, String verb) {
        actor.require(Role.EDITOR);
        Loaded loaded = load(actor, id, ref);
        EntryRow before = loaded.row();
        checkVersion(before, expectedVersion);
        EntryStatus target = to != null
                ? to
                : TimelineRepository.SOURCE.equals(before.origin()) ? EntryStatus.PROPOSED : EntryStatus.ACCEPTED;
        if (before.mergedInto() != null) {
            throw new InvalidInputException("status", "is merged into another entry; unmerge it first");
        }
        if (target == EntryStatus.HIDDEN && before.keyMoment() != null) {
            throw new InvalidInputException(
                    "status", "marks the " + before.keyMoment().label() + " moment; unmark it before hiding it");
        }
        if (target == before.status()) {
            return loaded.entry();
        }
        EntryRow saved = save(actor, before.withStatus(target), before, expectedVersion);
        record(
                actor,
                id,
                "timeline-" + verb,
                saved,
                "Timeline: " + verb + " " + describe(loaded.entry()),
                List.of(new FieldChange("status", before.status().label(), target.label())));
        return entry(actor, id, saved.ref().toString());
    }

    /**
     * Changes the entry's text (blank: back to the source's text) and, for manual entries, its time. Statement entries
     * keep the statement's words: edit the statement instead.
     */
    @Transactional
    public TimelineEntry edit(Actor actor, IncidentId id, String ref, EntryForm form, int expectedVersion) {
        actor.require(Role.EDITOR);
        Loaded loaded = load(actor, id, ref);
        EntryRow before = loaded.row();
        checkVersion(before, expectedVersion);
        List<FieldError> errors = new ArrayList<>();
        boolean manual = TimelineRepository.MANUAL.equals(before.origin());
        if (TimelineRepository.STATEMENT.equals(before.origin())) {
            throw new InvalidInputException("text", "a statement's entry shows the statement's own words");
        }
        String text = text(form.text(), "text", MAX_TEXT, manual, errors);
        OffsetDateTime at = manual ? time(form.time(), "time", errors) : null;
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!manual && text != null && text.equals(loaded.entry().originalText())) {
            text = null;
        }
        if (Objects.equals(text, before.body()) && (!manual || at.isEqual(before.occurredAt()))) {
            return loaded.entry();
        }
        EntryRow saved = save(actor, before.withBody(text, manual ? at : before.occurredAt()), before, expectedVersion);
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange(
                "text", loaded.entry().text(), text == null ? loaded.entry().originalText() : text));
        if (manual && !at.isEqual(before.occurredAt())) {
            changes.add(new FieldChange("time", before.occurredAt().toString(), at.toString()));
        }
        record(actor, id, "timeline-edited", saved, "Timeline: edited " + saved.ref(), changes);
        return entry(actor, id, saved.ref().toString());
    }

    /** Adds a note to the entry (notes are only ever added, so no version is needed). */
    @Transactional
    public TimelineEntry annotate(Actor actor, IncidentId id, String ref, String note) {
        actor.require(Role.EDITOR);
        Loaded loaded = load(actor, id, ref);
        List<FieldError> errors = new ArrayList<>();
        String text = text(note, "note", MAX_TEXT, true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        EntryRow row = loaded.row();
        if (row.id() == 0) {
            row = save(actor, row, row, 0);
        }
        repository.insertNote(row.id(), actor.username(), text, now());
        record(
                actor,
                id,
                "timeline-annotated",
                row,
                "Timeline: note on " + describe(loaded.entry()),
                List.of(new FieldChange("note", null, text)));
        return entry(actor, id, row.ref().toString());
    }

    /**
     * Merges duplicates: each of {@code absorbed} is shown as merged into {@code targetRef}. The target must not be
     * merged itself nor hidden; an absorbed entry must not be the target, have entries merged into it, or mark a key
     * moment.
     */
    @Transactional
    public TimelineEntry merge(
            Actor actor, IncidentId id, String targetRef, int expectedVersion, List<String> absorbed) {
        actor.require(Role.EDITOR);
        Map<String, Loaded> all = loadAll(actor, id);
        Loaded target = find(all, id, targetRef);
        checkVersion(target.row(), expectedVersion);
        List<FieldError> errors = new ArrayList<>();
        if (target.row().mergedInto() != null || target.row().status() == EntryStatus.HIDDEN) {
            errors.add(new FieldError("target", "is hidden or merged; pick an entry that is shown"));
        }
        List<Loaded> others = new ArrayList<>();
        for (String raw : absorbed == null ? List.<String>of() : new LinkedHashSet<>(absorbed)) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            Loaded other;
            try {
                other = all.get(EntryRef.parse(raw).toString());
            } catch (NotFoundException e) {
                other = null;
            }
            if (other == null) {
                errors.add(new FieldError("entries", "'" + raw.trim() + "' is not an entry of " + id.key()));
            } else if (other.entry().ref().equals(target.entry().ref())) {
                errors.add(new FieldError("entries", "an entry cannot absorb itself"));
            } else if (!other.entry().absorbed().isEmpty()) {
                errors.add(new FieldError("entries", other.entry().ref() + " has entries merged into it"));
            } else if (other.row().keyMoment() != null) {
                errors.add(new FieldError("entries", other.entry().ref() + " marks a key moment"));
            } else if (other.row().mergedInto() != null) {
                errors.add(new FieldError("entries", other.entry().ref() + " is already merged"));
            } else {
                others.add(other);
            }
        }
        if (others.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("entries", "name at least one entry to merge"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        EntryRow saved = save(actor, target.row(), target.row(), expectedVersion);
        List<FieldChange> changes = new ArrayList<>();
        for (Loaded other : others) {
            EntryRow row = other.row();
            if (row.id() == 0) {
                row = save(actor, row, row, 0);
            }
            if (!repository.update(row.withMergedInto(saved.id()), row.version(), now())) {
                throw stale(row);
            }
            changes.add(new FieldChange(
                    "mergedInto:" + other.entry().ref(), null, saved.ref().toString()));
        }
        record(
                actor,
                id,
                "timeline-merged",
                saved,
                "Timeline: merged "
                        + others.stream().map(o -> o.entry().ref()).collect(Collectors.joining(", ")) + " into "
                        + describe(target.entry()),
                changes);
        return entry(actor, id, saved.ref().toString());
    }

    /** Takes a merged entry out of the one that absorbed it. */
    @Transactional
    public TimelineEntry unmerge(Actor actor, IncidentId id, String ref, int expectedVersion) {
        actor.require(Role.EDITOR);
        Loaded loaded = load(actor, id, ref);
        EntryRow before = loaded.row();
        checkVersion(before, expectedVersion);
        if (before.mergedInto() == null) {
            throw new InvalidInputException("entries", loaded.entry().ref() + " is not merged");
        }
        EntryRow saved = save(actor, before.withMergedInto(null), before, expectedVersion);
        record(
                actor,
                id,
                "timeline-unmerged",
                saved,
                "Timeline: unmerged " + describe(loaded.entry()),
                List.of(new FieldChange("mergedInto", loaded.entry().mergedInto(), null)));
        return entry(actor, id, saved.ref().toString());
    }

    /** Adds an entry written by a person; it is accepted at once. */
    @Transactional
    public TimelineEntry addManual(Actor actor, IncidentId id, EntryForm form) {
        actor.require(Role.EDITOR);
        incidents.get(actor, id);
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime at = time(form.time(), "time", errors);
        String text = text(form.text(), "text", MAX_TEXT, true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        EntryRow row = new EntryRow(
                0,
                id.value(),
                TimelineRepository.MANUAL,
                null,
                null,
                null,
                EntryStatus.ACCEPTED,
                at,
                text,
                null,
                null,
                actor.username(),
                0);
        EntryRow saved = save(actor, row, row, 0);
        record(
                actor,
                id,
                "timeline-entry-added",
                saved,
                "Timeline: added " + saved.ref() + " " + shorten(text),
                List.of(new FieldChange("time", null, at.toString()), new FieldChange("text", null, text)));
        return entry(actor, id, saved.ref().toString());
    }

    /**
     * Marks the entry as the incident's {@code moment} (started, detected, acknowledged, mitigated, resolved): accepts
     * it, takes the moment from any other entry, and sets the incident's key time to the entry's time through
     * {@link IncidentManagement#setKeyTime}, so TTD/TTA/TTM/TTR follow. {@code incidentVersion} is checked when given
     * (null: the current version). Key times out of order are an {@link InvalidInputException} and nothing changes.
     */
    @Transactional
    public TimelineEntry mark(
            Actor actor, IncidentId id, String ref, String moment, int expectedVersion, Integer incidentVersion) {
        actor.require(Role.EDITOR);
        Incident incident = incidents.get(actor, id);
        KeyMoment keyMoment = KeyMoment.parse(moment)
                .orElseThrow(() -> new InvalidInputException(
                        "moment",
                        "'" + moment + "' is not one of started, detected, acknowledged, mitigated, resolved"));
        Loaded loaded = load(actor, id, ref);
        EntryRow before = loaded.row();
        checkVersion(before, expectedVersion);
        if (before.mergedInto() != null) {
            throw new InvalidInputException(
                    "moment", "a merged entry cannot mark a moment; use the one it is merged into");
        }
        EntryRow saved =
                save(actor, before.withStatus(EntryStatus.ACCEPTED).withKeyMoment(keyMoment), before, expectedVersion);
        repository.clearMoment(id.value(), keyMoment, saved.id(), now());
        OffsetDateTime at = loaded.entry().at();
        incidents.setKeyTime(
                actor, id, keyMoment.keyTime(), at, incidentVersion == null ? incident.version() : incidentVersion);
        record(
                actor,
                id,
                "timeline-key-moment",
                saved,
                "Timeline: " + loaded.entry().ref() + " marks " + keyMoment.label() + " ("
                        + at.withOffsetSameInstant(ZoneOffset.UTC) + ")",
                List.of(new FieldChange(
                        "keyMoment",
                        before.keyMoment() == null ? null : before.keyMoment().label(),
                        keyMoment.label())));
        return entry(actor, id, saved.ref().toString());
    }

    /**
     * Unmarks the entry's key moment. The incident's key time is left as it is (change it on the incident or mark
     * another entry): unmarking never silently clears a time people may rely on.
     */
    @Transactional
    public TimelineEntry unmark(Actor actor, IncidentId id, String ref, int expectedVersion) {
        actor.require(Role.EDITOR);
        Loaded loaded = load(actor, id, ref);
        EntryRow before = loaded.row();
        checkVersion(before, expectedVersion);
        if (before.keyMoment() == null) {
            return loaded.entry();
        }
        EntryRow saved = save(actor, before.withKeyMoment(null), before, expectedVersion);
        record(
                actor,
                id,
                "timeline-key-moment-cleared",
                saved,
                "Timeline: " + loaded.entry().ref() + " no longer marks "
                        + before.keyMoment().label() + " (the incident's key time is kept)",
                List.of(new FieldChange("keyMoment", before.keyMoment().label(), null)));
        return entry(actor, id, saved.ref().toString());
    }

    /**
     * Records an eyewitness statement. Editors and the incident's people (commander, participants, creator) may write
     * one. With {@code onTimeline} it also appears as an entry at its first time.
     */
    @Transactional
    public Statement addStatement(Actor actor, IncidentId id, StatementForm form) {
        Incident incident = incidents.get(actor, id);
        if (!actor.canEdit() && !incident.involves(actor.userId())) {
            throw new ForbiddenException("Only editors and the incident's people may write statements.");
        }
        List<FieldError> errors = new ArrayList<>();
        String text = text(form.text(), "text", MAX_STATEMENT, true, errors);
        List<OffsetDateTime> times = new ArrayList<>();
        List<String> rawTimes = form.times() == null
                ? List.of()
                : form.times().stream().filter(t -> t != null && !t.isBlank()).toList();
        if (rawTimes.isEmpty()) {
            errors.add(new FieldError("times", "give at least one time the statement refers to"));
        } else if (rawTimes.size() > MAX_TIMES) {
            errors.add(new FieldError("times", "at most " + MAX_TIMES));
        } else {
            for (String t : rawTimes) {
                OffsetDateTime at = time(t, "times", errors);
                if (at != null) {
                    times.add(at);
                }
            }
        }
        List<String> links = links(actor, id, form.linkedEntries(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long statementId = repository.insertStatement(id.value(), actor.userId(), actor.username(), text, times, now());
        repository.insertLinks(statementId, links);
        if (Boolean.TRUE.equals(form.onTimeline())) {
            EntryRow row = new EntryRow(
                    0,
                    id.value(),
                    TimelineRepository.STATEMENT,
                    null,
                    null,
                    statementId,
                    EntryStatus.ACCEPTED,
                    times.getFirst(),
                    shorten(text, MAX_TEXT),
                    null,
                    null,
                    actor.username(),
                    0);
            repository.insert(row, now());
        }
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("text", null, text));
        changes.add(new FieldChange("times", null, times.toString()));
        if (!links.isEmpty()) {
            changes.add(new FieldChange("linkedEntries", null, String.join(", ", links)));
        }
        audit.record(
                id.value(),
                actor,
                "statement-added",
                "Statement by " + actor.username() + ": " + shorten(text),
                changes);
        return statement(id, statementId);
    }

    /** Replaces the entries a statement is linked to. */
    @Transactional
    public Statement linkStatement(
            Actor actor, IncidentId id, long statementId, List<String> refs, int expectedVersion) {
        Incident incident = incidents.get(actor, id);
        if (!actor.canEdit() && !incident.involves(actor.userId())) {
            throw new ForbiddenException("Only editors and the incident's people may link statements.");
        }
        Statement before = statement(id, statementId);
        if (before.version() != expectedVersion) {
            throw new ConflictException(
                    "Statement " + statementId + " was changed by someone else (now version " + before.version() + ")",
                    before.version());
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> links = links(actor, id, refs, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!repository.replaceLinks(statementId, links, expectedVersion, now())) {
            throw new ConflictException("Statement " + statementId + " was changed by someone else", null);
        }
        audit.record(
                id.value(),
                actor,
                "statement-linked",
                "Statement " + statementId + " linked to "
                        + (links.isEmpty() ? "no entries" : String.join(", ", links)),
                List.of(new FieldChange(
                        "linkedEntries", String.join(", ", before.linkedEntries()), String.join(", ", links))));
        return statement(id, statementId);
    }

    /**
     * The raw lines an entry came from, with up to {@code context} lines either side (at most
     * {@value #MAX_RAW_LINES} in all). {@link InvalidInputException} when the entry has no raw lines.
     */
    public RawExcerpt rawLines(Actor actor, IncidentId id, String ref, int context) {
        TimelineEntry entry = entry(actor, id, ref);
        if (!entry.hasLines()) {
            throw new InvalidInputException("ref", entry.ref() + " has no raw lines to show");
        }
        int around = Math.max(0, Math.min(context, 50));
        long from = Math.max(1, entry.firstLine() - around);
        long to = Math.min(Math.max(entry.lastLine(), entry.firstLine()) + around, from + MAX_RAW_LINES - 1);
        List<String> lines = rawLines.rawLines(actor, id, entry.evidenceId(), from, to);
        return new RawExcerpt(entry.ref(), entry.evidenceId(), from, entry.firstLine(), entry.lastLine(), lines);
    }

    private Statement statement(IncidentId id, long statementId) {
        return repository.statements(id.value()).stream()
                .filter(s -> s.id() == statementId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No statement " + statementId + " on " + id.key()));
    }

    private List<String> links(Actor actor, IncidentId id, List<String> refs, List<FieldError> errors) {
        if (refs == null || refs.stream().allMatch(r -> r == null || r.isBlank())) {
            return List.of();
        }
        if (refs.size() > MAX_LINKS) {
            errors.add(new FieldError("linkedEntries", "at most " + MAX_LINKS));
            return List.of();
        }
        Map<String, Loaded> all = loadAll(actor, id);
        List<String> links = new ArrayList<>();
        for (String raw : refs) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String key;
            try {
                key = EntryRef.parse(raw).toString();
            } catch (NotFoundException e) {
                key = null;
            }
            if (key == null || !all.containsKey(key)) {
                errors.add(new FieldError("linkedEntries", "'" + raw.trim() + "' is not an entry of " + id.key()));
            } else if (!links.contains(key)) {
                links.add(key);
            }
        }
        return links;
    }

    // --- reading ---

    private record Loaded(EntryRow row, TimelineEntry entry) {}

    private Loaded load(Actor actor, IncidentId id, String ref) {
        return find(loadAll(actor, id), id, ref);
    }

    private static Loaded find(Map<String, Loaded> all, IncidentId id, String ref) {
        String key = EntryRef.parse(ref).toString();
        Loaded loaded = all.get(key);
        if (loaded == null) {
            throw new NotFoundException("No timeline entry " + key + " on " + id.key());
        }
        return loaded;
    }

    private Map<String, Loaded> loadAll(Actor actor, IncidentId id) {
        incidents.get(actor, id);
        List<EntryRow> rows = repository.entries(id.value());
        List<TimelineEntry> entries = build(actor, id, true, rows);
        Map<String, EntryRow> rowsByRef = new HashMap<>();
        for (EntryRow r : rows) {
            rowsByRef.put(r.ref().toString(), r);
        }
        Map<String, Loaded> all = new HashMap<>();
        for (TimelineEntry e : entries) {
            EntryRow row = rowsByRef.get(e.ref());
            if (row == null) {
                row = new EntryRow(
                        0,
                        id.value(),
                        TimelineRepository.SOURCE,
                        e.evidenceId(),
                        e.seq(),
                        null,
                        EntryStatus.PROPOSED,
                        null,
                        null,
                        null,
                        null,
                        actor.username(),
                        0);
            }
            all.put(e.ref(), new Loaded(row, e));
        }
        return all;
    }

    private List<TimelineEntry> build(Actor actor, IncidentId id, boolean allEvents) {
        return build(actor, id, allEvents, repository.entries(id.value()));
    }

    private List<TimelineEntry> build(Actor actor, IncidentId id, boolean allEvents, List<EntryRow> rows) {
        Map<Long, String> names =
                evidence.list(actor, id).stream().collect(Collectors.toMap(Evidence::id, Evidence::name, (a, b) -> a));
        Map<Long, List<Note>> notes = repository.notes(id.value());
        List<Statement> statements = repository.statements(id.value());
        Map<String, List<Long>> statementLinks = new HashMap<>();
        Map<Long, Statement> statementsById = new HashMap<>();
        for (Statement s : statements) {
            statementsById.put(s.id(), s);
            for (String ref : s.linkedEntries()) {
                statementLinks.computeIfAbsent(ref, k -> new ArrayList<>()).add(s.id());
            }
        }
        Map<String, EntryRow> bySource = new HashMap<>();
        Map<Long, EntryRow> byId = new HashMap<>();
        for (EntryRow r : rows) {
            byId.put(r.id(), r);
            if (TimelineRepository.SOURCE.equals(r.origin())) {
                bySource.put(r.ref().toString(), r);
            }
        }
        Map<Long, List<String>> absorbed = new HashMap<>();
        for (EntryRow r : rows) {
            if (r.mergedInto() != null) {
                absorbed.computeIfAbsent(r.mergedInto(), k -> new ArrayList<>())
                        .add(r.ref().toString());
            }
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (SourceEvent event : source.events(actor, id)) {
            String ref = EntryRef.source(event.evidenceId(), event.seq()).toString();
            EntryRow row = bySource.get(ref);
            boolean proposed = SourceKinds.proposes(event);
            if (!proposed && row == null && !allEvents) {
                continue;
            }
            String text = row != null && row.body() != null ? row.body() : event.title();
            entries.add(new TimelineEntry(
                    ref,
                    "source",
                    event.at().withOffsetSameInstant(ZoneOffset.UTC),
                    event.kind(),
                    names.getOrDefault(event.evidenceId(), "evidence " + event.evidenceId()),
                    event.evidenceId(),
                    event.seq(),
                    null,
                    event.title(),
                    text,
                    event.detail(),
                    row != null && row.body() != null,
                    status(row),
                    proposed,
                    row == null ? null : row.keyMoment(),
                    mergedRef(row, byId),
                    row == null ? List.of() : absorbed.getOrDefault(row.id(), List.of()),
                    row == null ? List.of() : notes.getOrDefault(row.id(), List.of()),
                    statementLinks.getOrDefault(ref, List.of()),
                    event.firstLine(),
                    event.lastLine(),
                    event.attributes(),
                    row == null ? 0 : row.version()));
        }
        for (EntryRow row : rows) {
            if (TimelineRepository.SOURCE.equals(row.origin())) {
                continue;
            }
            String ref = row.ref().toString();
            boolean statement = TimelineRepository.STATEMENT.equals(row.origin());
            Statement s = statement ? statementsById.get(row.statementId()) : null;
            entries.add(new TimelineEntry(
                    ref,
                    statement ? "statement" : "manual",
                    row.occurredAt().withOffsetSameInstant(ZoneOffset.UTC),
                    statement ? "STATEMENT" : "MANUAL",
                    statement
                            ? "statement by " + (s == null ? row.createdBy() : s.author())
                            : "manual by " + row.createdBy(),
                    null,
                    null,
                    row.statementId(),
                    null,
                    row.body(),
                    null,
                    false,
                    status(row),
                    true,
                    row.keyMoment(),
                    mergedRef(row, byId),
                    absorbed.getOrDefault(row.id(), List.of()),
                    notes.getOrDefault(row.id(), List.of()),
                    statementLinks.getOrDefault(ref, List.of()),
                    0,
                    0,
                    Map.of(),
                    row.version()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::ref));
        return entries;
    }

    private static EntryStatus status(EntryRow row) {
        if (row == null) {
            return EntryStatus.PROPOSED;
        }
        return row.mergedInto() != null ? EntryStatus.MERGED : row.status();
    }

    private static String mergedRef(EntryRow row, Map<Long, EntryRow> byId) {
        if (row == null || row.mergedInto() == null) {
            return null;
        }
        EntryRow target = byId.get(row.mergedInto());
        return target == null ? null : target.ref().toString();
    }

    // --- writing ---

    private EntryRow save(Actor actor, EntryRow after, EntryRow before, int expectedVersion) {
        if (before.id() == 0) {
            if (expectedVersion != 0) {
                throw stale(before);
            }
            try {
                long newId = repository.insert(after, now());
                return withId(after, newId, 1);
            } catch (DuplicateKeyException e) {
                throw new ConflictException(
                        "Timeline entry " + before.ref() + " was curated by someone else; reload it", null);
            }
        }
        if (!repository.update(after, expectedVersion, now())) {
            throw stale(before);
        }
        return withId(after, after.id(), expectedVersion + 1);
    }

    private static EntryRow withId(EntryRow r, long id, int version) {
        return new EntryRow(
                id,
                r.incidentId(),
                r.origin(),
                r.evidenceId(),
                r.seq(),
                r.statementId(),
                r.status(),
                r.occurredAt(),
                r.body(),
                r.keyMoment(),
                r.mergedInto(),
                r.createdBy(),
                version);
    }

    private void checkVersion(EntryRow row, int expectedVersion) {
        if (row.version() != expectedVersion) {
            throw stale(row);
        }
    }

    private ConflictException stale(EntryRow row) {
        Integer current = row.id() == 0
                ? Integer.valueOf(0)
                : repository.version(row.id()).orElse(null);
        return new ConflictException(
                "Timeline entry " + row.ref() + " was changed by someone else (now version " + current + ")", current);
    }

    private void record(
            Actor actor, IncidentId id, String action, EntryRow row, String summary, List<FieldChange> changes) {
        List<FieldChange> all = new ArrayList<>();
        all.add(new FieldChange("entry", null, row.ref().toString()));
        all.addAll(changes);
        audit.record(id.value(), actor, action, summary, all);
    }

    private static String describe(TimelineEntry e) {
        return e.ref() + " " + shorten(e.text());
    }

    private static String shorten(String text) {
        return "\"" + shorten(text, 80) + "\"";
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String text(String raw, String field, int max, boolean required, List<FieldError> errors) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "must not be blank"));
            }
            return null;
        }
        if (text.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return text;
    }

    private static OffsetDateTime time(String raw, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "a time is needed, e.g. 2026-03-02T10:15:00+01:00"));
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim()).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(
                    field, "'" + raw.trim() + "' is not a time with an offset, e.g. 2026-03-02T10:15:00+01:00"));
            return null;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
