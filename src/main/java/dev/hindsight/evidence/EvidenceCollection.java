package dev.hindsight.evidence;

import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.evidence.internal.EventDraft;
import dev.hindsight.evidence.internal.LogDigester;
import dev.hindsight.evidence.internal.TextCheck;
import dev.hindsight.evidence.internal.sources.SourceParsers;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.KeyTimes;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence module's API: attach files to an incident, list and read them, correct how they are described. Who
 * may see the incident may read its evidence (others get {@link NotFoundException}); editors attach and change.
 */
@Service
public class EvidenceCollection {

    static final int MAX_NAME = 255;
    static final int MAX_CLOCK_OFFSET = 7 * 24 * 3600;
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._+-]{0,39}");

    private final EvidenceRepository repository;
    private final LogDigests digests;
    private final EvidenceEvents evidenceEvents;
    private final EvidenceStore store;
    private final IncidentManagement incidents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EvidenceCollection(
            EvidenceRepository repository,
            LogDigests digests,
            EvidenceEvents evidenceEvents,
            EvidenceStore store,
            IncidentManagement incidents,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.digests = digests;
        this.evidenceEvents = evidenceEvents;
        this.store = store;
        this.incidents = incidents;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Attaches {@code content} (read to its end, streamed to the store) to the incident. The record is written only
     * once the bytes are durably stored, in one transaction with its audit entry; when anything fails no record is
     * visible. The same bytes already on this incident are not attached twice: the existing record comes back with
     * {@link Ingested#alreadyAttached()}. Throws {@link InvalidInputException} for a bad description, or when a text
     * kind's content is not UTF-8 text (then nothing is stored); {@link NotFoundException} when the actor may not see
     * the incident; {@link dev.hindsight.shared.ForbiddenException} for viewers.
     */
    public Ingested attach(Actor actor, IncidentId incidentId, EvidenceUpload upload, InputStream content) {
        actor.require(Role.EDITOR);
        Incident incident = incidents.get(actor, incidentId);
        Description described = describe(upload);
        Description description = described;
        if (upload.kind() == null || upload.kind().isBlank()) {
            BufferedInputStream buffered = new BufferedInputStream(content, SNIFF);
            description = sniff(described, buffered);
            content = buffered;
        }
        Description chosen = description;
        if (description.kind() == EvidenceKind.LOG) {
            LogDigester.checkFormat(description.format());
        } else {
            SourceParsers.checkFormat(description.kind(), description.format());
        }
        StoredBlob blob;
        try {
            blob = store.put(description.kind().requiresText() ? new TextCheck(content) : content);
        } catch (TextCheck.NotText e) {
            throw new InvalidInputException(
                    "file", description.name() + " " + e.getMessage() + ". Nothing was attached.");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + description.name(), e);
        }
        Derived derived = attachedAlready(incidentId, blob) ? Derived.NOTHING : derive(blob, description, incident);
        try {
            return Objects.requireNonNull(transaction.execute(status -> {
                Ingested ingested = record(actor, incidentId, chosen, blob);
                if (!ingested.alreadyAttached()) {
                    long evidenceId = ingested.evidence().id();
                    if (derived.digest() != null) {
                        digests.save(evidenceId, derived.digest());
                    }
                    if (derived.summary() != null) {
                        evidenceEvents.saveSummary(evidenceId, derived.summary());
                    }
                    evidenceEvents.save(
                            incidentId.value(), number(evidenceId, chosen.clockOffsetSeconds(), derived.events()));
                }
                return ingested;
            }));
        } catch (DuplicateKeyException raced) {
            return new Ingested(
                    repository.findBySha256(incidentId.value(), blob.sha256()).orElseThrow(() -> raced), true);
        }
    }

    private static final int SNIFF = 64 * 1024;

    /** What was derived from content before it is recorded: a log digest or a parse summary, and events. */
    private record Derived(LogDigest digest, ParseSummary summary, List<EventDraft> events) {
        static final Derived NOTHING = new Derived(null, null, List.of());
    }

    private Description sniff(Description d, BufferedInputStream content) {
        if ((d.kind() != EvidenceKind.LOG && d.kind() != EvidenceKind.OTHER)
                || !d.name().toLowerCase(Locale.ROOT).matches(".*\\.(json|jsonl|ndjson)")) {
            return d;
        }
        try {
            content.mark(SNIFF);
            byte[] prefix = content.readNBytes(SNIFF);
            content.reset();
            EvidenceKind sniffed = SourceParsers.sniff(prefix, prefix.length);
            return sniffed == null
                    ? d
                    : new Description(d.name(), sniffed, d.zone(), d.clockOffsetSeconds(), d.format());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + d.name(), e);
        }
    }

    private Derived derive(StoredBlob blob, Description description, Incident incident) {
        if (description.kind() == EvidenceKind.LOG) {
            LogDigester.Result result = digest(blob, description, incident);
            return new Derived(result.digest(), null, result.events());
        }
        if (!SourceParsers.handles(description.kind())) {
            return Derived.NOTHING;
        }
        try {
            SourceParsers.Result result = SourceParsers.parse(
                    description.kind(),
                    description.format(),
                    store.open(blob.sha256()),
                    ZoneId.of(description.zone()),
                    clock.instant().plusSeconds(description.clockOffsetSeconds()));
            return new Derived(null, result.summary(), result.events());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + description.name() + " back", e);
        }
    }

    /** Numbers the drafts in time order and corrects their times by the clock offset. */
    private static List<EvidenceEvent> number(long evidenceId, int clockOffsetSeconds, List<EventDraft> drafts) {
        List<EventDraft> sorted = drafts.stream()
                .sorted(Comparator.comparing(EventDraft::at).thenComparingLong(EventDraft::firstLine))
                .toList();
        List<EvidenceEvent> events = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            EventDraft d = sorted.get(i);
            events.add(new EvidenceEvent(
                    evidenceId,
                    i + 1,
                    d.at().minusSeconds(clockOffsetSeconds).atOffset(ZoneOffset.UTC),
                    d.kind(),
                    d.title(),
                    d.detail(),
                    d.firstLine(),
                    d.lastLine(),
                    d.attributes()));
        }
        return events;
    }

    /**
     * What was derived from a log evidence when it was attached (parse counts, templates); empty for other kinds.
     */
    public Optional<LogDigest> logDigest(Actor actor, IncidentId incidentId, long evidenceId) {
        Evidence evidence = get(actor, incidentId, evidenceId);
        return digests.find(evidence.id());
    }

    private boolean attachedAlready(IncidentId incidentId, StoredBlob blob) {
        return repository.findBySha256(incidentId.value(), blob.sha256()).isPresent();
    }

    private LogDigester.Result digest(StoredBlob blob, Description description, Incident incident) {
        OffsetDateTime when =
                incident.keyTimes().startedAt() != null ? incident.keyTimes().startedAt() : incident.createdAt();
        ZoneId zone = ZoneId.of(description.zone());
        try {
            return LogDigester.digest(
                    store.open(blob.sha256()),
                    description.format(),
                    zone,
                    when.atZoneSameInstant(zone).toLocalDate(),
                    window(incident, description.clockOffsetSeconds()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + description.name() + " back", e);
        }
    }

    /** The incident's window (started or detected, to resolved or mitigated) as the evidence's clock would say it. */
    private static LogDigester.Window window(Incident incident, int clockOffsetSeconds) {
        KeyTimes times = incident.keyTimes();
        OffsetDateTime from = times.startedAt() != null ? times.startedAt() : times.detectedAt();
        if (from == null) {
            return LogDigester.Window.NONE;
        }
        OffsetDateTime to = times.resolvedAt() != null
                ? times.resolvedAt()
                : times.mitigatedAt() != null ? times.mitigatedAt() : from;
        return new LogDigester.Window(
                from.toInstant().plusSeconds(clockOffsetSeconds), to.toInstant().plusSeconds(clockOffsetSeconds));
    }

    /**
     * What was found in the incident's evidence when it was attached, for an actor who may see the incident (others
     * get {@link NotFoundException}): ordered by time, then evidence id, then sequence number; never null.
     */
    public List<EvidenceEvent> events(Actor actor, IncidentId incidentId) {
        incidents.get(actor, incidentId);
        return evidenceEvents.list(incidentId.value());
    }

    /**
     * Symptoms found in the evidence of the given incidents, for learning from history: {@code alert:<alertname>}
     * for alerts that fired and {@code burst:<template>} for bursts of error-level log templates. Incidents the actor
     * may not see are left out; incidents without such events are absent; never null.
     */
    public Map<IncidentId, Set<String>> symptoms(Actor actor, Collection<IncidentId> incidentIds) {
        Map<IncidentId, Set<String>> found = new HashMap<>();
        Map<Long, Boolean> visible = new HashMap<>();
        for (var entry : evidenceEvents
                .symptoms(incidentIds.stream().map(IncidentId::value).toList())
                .entrySet()) {
            boolean maySee = visible.computeIfAbsent(entry.getKey(), id -> {
                try {
                    incidents.get(actor, new IncidentId(id));
                    return true;
                } catch (NotFoundException e) {
                    return false;
                }
            });
            if (maySee) {
                found.put(new IncidentId(entry.getKey()), entry.getValue());
            }
        }
        return found;
    }

    /** The number of events per evidence id of the incident (evidence without events is absent). */
    public Map<Long, Integer> eventCounts(Actor actor, IncidentId incidentId) {
        incidents.get(actor, incidentId);
        return evidenceEvents.counts(incidentId.value());
    }

    /**
     * How each evidence of the incident parsed, by evidence id: the parse summary of alert, chat, deploy and metric
     * evidence, and for logs one made from the log digest (lines as items); evidence without either is absent.
     */
    public Map<Long, ParseSummary> parseSummaries(Actor actor, IncidentId incidentId) {
        incidents.get(actor, incidentId);
        return evidenceEvents.summaries(incidentId.value());
    }

    /** How an alert, chat, deploy or metric evidence parsed; empty for other kinds (logs have {@link #logDigest}). */
    public Optional<ParseSummary> parseSummary(Actor actor, IncidentId incidentId, long evidenceId) {
        Evidence evidence = get(actor, incidentId, evidenceId);
        return evidenceEvents.summary(evidence.id());
    }

    /** The most lines {@link #rawLines} returns at once. */
    public static final int MAX_RAW_LINES = 500;

    private static final int MAX_RAW_LINE_LENGTH = 10_000;

    /**
     * Lines {@code fromLine} to {@code toLine} (1-based, inclusive) of a text evidence as stored, line endings
     * removed; fewer when the evidence ends earlier. Throws {@link InvalidInputException} when the range is not
     * 1 &le; from &le; to, spans more than {@value #MAX_RAW_LINES} lines, or the evidence is not of a text kind;
     * {@link NotFoundException} when the evidence or incident is not visible. Very long lines are cut.
     */
    public List<String> rawLines(Actor actor, IncidentId incidentId, long evidenceId, long fromLine, long toLine) {
        List<FieldError> errors = new ArrayList<>();
        if (fromLine < 1) {
            errors.add(new FieldError("from", "must be at least 1"));
        }
        if (toLine < fromLine) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (toLine - fromLine >= MAX_RAW_LINES) {
            errors.add(new FieldError("to", "at most " + MAX_RAW_LINES + " lines at once"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Evidence evidence = get(actor, incidentId, evidenceId);
        if (!evidence.kind().requiresText()) {
            throw new InvalidInputException("id", evidence.name() + " is not a text kind, so it has no lines");
        }
        List<String> lines = new ArrayList<>();
        try (InputStream in = new java.io.BufferedInputStream(store.open(evidence.sha256()), 1 << 16)) {
            long line = 1;
            java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (line >= fromLine) {
                    if (b == '\n') {
                        lines.add(text(current));
                        current.reset();
                    } else if (current.size() < MAX_RAW_LINE_LENGTH * 4) {
                        current.write(b);
                    }
                }
                if (b == '\n') {
                    if (++line > toLine) {
                        return lines;
                    }
                }
            }
            if (line >= fromLine && current.size() > 0) {
                lines.add(text(current));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("The bytes of evidence " + evidenceId + " cannot be read", e);
        }
    }

    private static String text(java.io.ByteArrayOutputStream bytes) {
        String s = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.length() <= MAX_RAW_LINE_LENGTH ? s : s.substring(0, MAX_RAW_LINE_LENGTH - 1) + "…";
    }

    /** The incident's evidence, oldest first. */
    public List<Evidence> list(Actor actor, IncidentId incidentId) {
        incidents.get(actor, incidentId);
        return repository.list(incidentId.value());
    }

    /** One record; {@link NotFoundException} when it is not on this incident or the incident is not visible. */
    public Evidence get(Actor actor, IncidentId incidentId, long evidenceId) {
        incidents.get(actor, incidentId);
        return repository
                .find(incidentId.value(), evidenceId)
                .orElseThrow(() -> new NotFoundException("No evidence " + evidenceId + " on " + incidentId.key()));
    }

    /** The stored bytes, unchanged; the caller closes the stream. */
    public InputStream open(Actor actor, IncidentId incidentId, long evidenceId) {
        Evidence evidence = get(actor, incidentId, evidenceId);
        try {
            return store.open(evidence.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("The bytes of evidence " + evidenceId + " cannot be read", e);
        }
    }

    /**
     * Changes kind, format, time zone or clock offset. Changing to a text kind checks the stored bytes are text.
     * Returns the record as saved; unchanged when nothing differs (and then nothing is audited).
     */
    @Transactional
    public Evidence update(Actor actor, IncidentId incidentId, long evidenceId, EvidenceChange change) {
        actor.require(Role.EDITOR);
        Evidence before = get(actor, incidentId, evidenceId);
        List<FieldError> errors = new ArrayList<>();
        EvidenceKind kind = change.kind() == null ? before.kind() : kind(change.kind(), errors);
        String zone = change.zone() == null ? before.zone() : zone(change.zone(), errors);
        int offset = change.clockOffsetSeconds() == null
                ? before.clockOffsetSeconds()
                : offset(change.clockOffsetSeconds(), errors);
        String format = change.format() == null ? before.format() : format(change.format(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (kind != null && kind.requiresText() && !before.kind().requiresText()) {
            checkText(before, kind);
        }
        Evidence after = new Evidence(
                before.id(),
                before.incident(),
                before.name(),
                kind,
                format,
                before.size(),
                before.sha256(),
                before.uploadedBy(),
                before.uploadedAt(),
                zone,
                offset,
                before.status());
        List<FieldChange> changes = new ArrayList<>();
        diff(changes, "kind", before.kind().label(), after.kind().label());
        diff(changes, "format", before.format(), after.format());
        diff(changes, "zone", before.zone(), after.zone());
        diff(changes, "clockOffsetSeconds", before.clockOffsetSeconds(), after.clockOffsetSeconds());
        if (changes.isEmpty()) {
            return before;
        }
        repository.update(after);
        audit.record(
                incidentId.value(),
                actor,
                "evidence-updated",
                "Evidence " + before.name() + ": "
                        + changes.stream().map(FieldChange::field).collect(Collectors.joining(", ")) + " changed",
                changes);
        return repository.find(incidentId.value(), evidenceId).orElseThrow();
    }

    private Ingested record(Actor actor, IncidentId incidentId, Description d, StoredBlob blob) {
        var existing = repository.findBySha256(incidentId.value(), blob.sha256());
        if (existing.isPresent()) {
            return new Ingested(existing.get(), true);
        }
        Evidence evidence = new Evidence(
                0,
                incidentId,
                d.name(),
                d.kind(),
                d.format(),
                blob.size(),
                blob.sha256(),
                actor.username(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                d.zone(),
                d.clockOffsetSeconds(),
                Evidence.READY);
        long id = repository.insert(evidence);
        Evidence saved = repository.find(incidentId.value(), id).orElseThrow();
        List<FieldChange> changes = new ArrayList<>();
        diff(changes, "name", null, saved.name());
        diff(changes, "kind", null, saved.kind().label());
        diff(changes, "format", null, saved.format());
        diff(changes, "size", null, saved.size());
        diff(changes, "sha256", null, saved.sha256());
        diff(changes, "zone", null, saved.zone());
        diff(changes, "clockOffsetSeconds", null, saved.clockOffsetSeconds());
        audit.record(
                incidentId.value(),
                actor,
                "evidence-attached",
                "Attached " + saved.kind().label() + " evidence " + saved.name() + " (" + saved.humanSize()
                        + ", SHA-256 " + saved.shortSha256() + ")",
                changes);
        events.publishEvent(new EvidenceAttached(incidentId, id, saved.kind(), saved.sha256()));
        return new Ingested(saved, false);
    }

    private void checkText(Evidence evidence, EvidenceKind kind) {
        try (InputStream in = new TextCheck(store.open(evidence.sha256()))) {
            byte[] buffer = new byte[8192];
            long read = 0;
            int n;
            while (read <= TextCheck.WINDOW && (n = in.read(buffer)) != -1) {
                read += n;
            }
        } catch (TextCheck.NotText e) {
            throw new InvalidInputException(
                    "kind", "cannot be " + kind.label() + ": " + evidence.name() + " " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Description(String name, EvidenceKind kind, String zone, int clockOffsetSeconds, String format) {}

    private Description describe(EvidenceUpload upload) {
        List<FieldError> errors = new ArrayList<>();
        String name = name(upload.name(), errors);
        EvidenceKind kind = upload.kind() == null || upload.kind().isBlank()
                ? EvidenceKind.guess(name)
                : kind(upload.kind(), errors);
        String zone = upload.zone() == null || upload.zone().isBlank() ? "UTC" : zone(upload.zone(), errors);
        int offset = upload.clockOffsetSeconds() == null ? 0 : offset(upload.clockOffsetSeconds(), errors);
        String format = upload.format() == null ? null : format(upload.format(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Description(name, kind, zone, offset, format);
    }

    private static String name(String raw, List<FieldError> errors) {
        String name = raw == null ? "" : raw.trim();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            errors.add(new FieldError("name", "a file name is needed"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "at most " + MAX_NAME + " characters"));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "must not contain control characters"));
        }
        return name;
    }

    private static EvidenceKind kind(String raw, List<FieldError> errors) {
        var kind = EvidenceKind.parse(raw);
        if (kind.isEmpty()) {
            errors.add(new FieldError(
                    "kind",
                    "'" + raw + "' is not a kind; one of "
                            + Arrays.stream(EvidenceKind.values())
                                    .map(EvidenceKind::label)
                                    .collect(Collectors.joining(", "))));
            return null;
        }
        return kind.get();
    }

    private static String zone(String raw, List<FieldError> errors) {
        try {
            return ZoneId.of(raw.trim()).getId();
        } catch (DateTimeException e) {
            errors.add(
                    new FieldError(
                            "zone",
                            "'" + raw
                                    + "' is not a time zone; use a name such as Europe/Paris, UTC, or an offset such as +02:00"));
            return null;
        }
    }

    private static int offset(int seconds, List<FieldError> errors) {
        if (Math.abs(seconds) > MAX_CLOCK_OFFSET) {
            errors.add(new FieldError(
                    "clockOffsetSeconds", "at most " + MAX_CLOCK_OFFSET + " seconds (7 days) either way"));
        }
        return seconds;
    }

    private static String format(String raw, List<FieldError> errors) {
        String format = raw.trim().toLowerCase(Locale.ROOT);
        if (format.isEmpty()) {
            return null;
        }
        if (!FORMAT.matcher(format).matches()) {
            errors.add(new FieldError(
                    "format", "letters, digits and . _ + - only, at most 40 characters (e.g. nginx, logfmt)"));
        }
        return format;
    }

    private static void diff(List<FieldChange> changes, String field, Object before, Object after) {
        String b = before == null ? null : before.toString();
        String a = after == null ? null : after.toString();
        if (!Objects.equals(b, a)) {
            changes.add(new FieldChange(field, b, a));
        }
    }
}
