package dev.hindsight.postmortem;

import dev.hindsight.audit.AuditTrail;
import dev.hindsight.audit.FieldChange;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident's postmortem document: reading it (stored, or laid out from its template before anyone writes),
 * rendering it with live data, editing narrative sections with optimistic versions, switching its template, and its
 * revision history. Visibility follows the incident: a hidden incident's document is a {@link NotFoundException}.
 */
@Service
public class PostmortemDocuments {

    public static final int MAX_BODY = 100_000;
    private static final int MAX_AUDIT_VALUE = 20_000;

    private final PostmortemRepository repository;
    private final PostmortemTemplates templates;
    private final IncidentManagement incidents;
    private final LiveBlocks live;
    private final MarkdownRenderer markdown;
    private final AuditTrail audit;
    private final Clock clock;

    PostmortemDocuments(
            PostmortemRepository repository,
            PostmortemTemplates templates,
            IncidentManagement incidents,
            LiveBlocks live,
            MarkdownRenderer markdown,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.templates = templates;
        this.incidents = incidents;
        this.live = live;
        this.markdown = markdown;
        this.audit = audit;
        this.clock = clock;
    }

    /** The incident's document; before anything is saved, the layout of the template its severity selects. */
    public Postmortem get(Actor actor, IncidentId incidentId) {
        Incident incident = incidents.get(actor, incidentId);
        return repository.findByIncident(incidentId.value()).orElseGet(() -> unsaved(incident));
    }

    private Postmortem unsaved(Incident incident) {
        PostmortemTemplate template = templates.forIncident(incident);
        return new Postmortem(
                0, incident.id(), template.name(), PostmortemStatus.DRAFT, null, sectionsOf(template), null, null, -1);
    }

    static List<Section> sectionsOf(PostmortemTemplate template) {
        return template.sections().stream()
                .map(s -> new Section(s.key(), s.title(), s.kind(), s.required(), s.guidance(), ""))
                .toList();
    }

    /** The document with every live block assembled from current data and every section rendered to safe HTML. */
    public RenderedPostmortem render(Actor actor, IncidentId incidentId) {
        Incident incident = incidents.get(actor, incidentId);
        Postmortem doc = repository.findByIncident(incidentId.value()).orElseGet(() -> unsaved(incident));
        List<RenderedPostmortem.Part> parts = new ArrayList<>();
        for (Section s : doc.sections()) {
            String md = s.live() ? live.markdown(actor, incident, s.kind()) : s.body();
            List<RenderedPostmortem.Diagram> diagrams =
                    s.kind() == SectionKind.DIAGRAMS ? live.diagrams(actor, incident) : List.of();
            parts.add(new RenderedPostmortem.Part(s, md, markdown.toHtml(md), diagrams));
        }
        return new RenderedPostmortem(incident, doc, parts, now());
    }

    /** Safe HTML of {@code text} as a section would show it, for the preview while writing. */
    public String preview(String text) {
        return markdown.toHtml(clean(text));
    }

    /**
     * Saves a narrative section's Markdown, made on document version {@code expectedVersion} (-1 for a document not
     * saved yet). {@link ConflictException} with the current version, naming who changed what since, when someone
     * saved first; {@link InvalidInputException} for an unknown or live section or text too long. Audited.
     */
    @Transactional
    public Postmortem saveSection(Actor actor, IncidentId incidentId, String key, String body, int expectedVersion) {
        actor.require(Role.EDITOR);
        Incident incident = incidents.get(actor, incidentId);
        Postmortem doc = repository.findByIncident(incidentId.value()).orElseGet(() -> unsaved(incident));
        Section section = doc.section(key)
                .orElseThrow(() -> new InvalidInputException("section", "no section '" + key + "' in this document"));
        if (section.live()) {
            throw new InvalidInputException(
                    "section", "'" + section.title() + "' is assembled from the incident's data; edit it there");
        }
        String text = clean(body);
        if (text.length() > MAX_BODY) {
            throw new InvalidInputException(
                    "body", "at most " + MAX_BODY + " characters (it has " + text.length() + ")");
        }
        if (doc.version() != expectedVersion) {
            throw stale(incident, doc, expectedVersion);
        }
        OffsetDateTime now = now();
        long id = doc.id();
        if (!doc.stored()) {
            id = repository.insert(incidentId.value(), doc.templateName(), null, doc.sections(), actor.userId(), now);
        } else if (!repository.touch(id, expectedVersion, actor.userId(), now)) {
            throw stale(incident, repository.findByIncident(incidentId.value()).orElseThrow(), expectedVersion);
        }
        if (!Objects.equals(section.body(), text)) {
            repository.updateBody(id, key, text);
            int version = doc.stored() ? expectedVersion + 1 : 0;
            repository.addRevision(id, version, section, section.body(), text, actor.username(), now);
            audit.record(
                    incidentId.value(),
                    actor,
                    "postmortem-edited",
                    "Edited postmortem section '" + section.title() + "' of " + incident.key(),
                    List.of(new FieldChange("postmortem." + key, auditValue(section.body()), auditValue(text))));
        }
        return repository.findByIncident(incidentId.value()).orElseThrow();
    }

    /**
     * Re-lays the document out on another template (overriding the rule): sections with the same key keep their text,
     * narrative sections the new template lacks are kept at the end so nothing written is lost. Audited.
     */
    @Transactional
    public Postmortem applyTemplate(Actor actor, IncidentId incidentId, String templateName, int expectedVersion) {
        actor.require(Role.EDITOR);
        Incident incident = incidents.get(actor, incidentId);
        PostmortemTemplate template = templates
                .byName(templateName == null ? "" : templateName)
                .orElseThrow(() -> new InvalidInputException("template", "no template '" + templateName + "'"));
        Postmortem doc = repository.findByIncident(incidentId.value()).orElseGet(() -> unsaved(incident));
        if (doc.version() != expectedVersion) {
            throw stale(incident, doc, expectedVersion);
        }
        List<Section> sections = merge(sectionsOf(template), doc.sections());
        OffsetDateTime now = now();
        long id = doc.id();
        if (!doc.stored()) {
            id = repository.insert(incidentId.value(), template.name(), null, sections, actor.userId(), now);
        } else {
            if (!repository.touch(id, expectedVersion, actor.userId(), now)) {
                throw stale(
                        incident, repository.findByIncident(incidentId.value()).orElseThrow(), expectedVersion);
            }
            repository.replaceSections(id, sections);
            repository.setTemplateName(id, template.name());
        }
        audit.record(
                incidentId.value(),
                actor,
                "postmortem-template",
                "Postmortem of " + incident.key() + " now follows template '" + template.name() + "'",
                List.of(new FieldChange("postmortem.template", doc.templateName(), template.name())));
        return repository.findByIncident(incidentId.value()).orElseThrow();
    }

    static List<Section> merge(List<Section> layout, List<Section> written) {
        Map<String, Section> old = written.stream().collect(Collectors.toMap(Section::key, s -> s, (a, b) -> a));
        List<Section> merged = new ArrayList<>();
        for (Section s : layout) {
            Section before = old.remove(s.key());
            String body = before != null && !s.live() ? before.body() : "";
            merged.add(new Section(s.key(), s.title(), s.kind(), s.required(), s.guidance(), body));
        }
        for (Section s : written) {
            if (old.containsKey(s.key()) && !s.live() && !s.body().isBlank()) {
                merged.add(s);
            }
        }
        return merged;
    }

    /** Every saved change, newest first, with who made it and when. */
    public List<Revision> history(Actor actor, IncidentId incidentId) {
        incidents.get(actor, incidentId);
        return repository
                .findByIncident(incidentId.value())
                .map(p -> repository.revisions(p.id(), null))
                .orElse(List.of());
    }

    /** The changes saved after {@code version}, newest first (what someone else did while you were editing). */
    public List<Revision> changesSince(Actor actor, IncidentId incidentId, int version) {
        incidents.get(actor, incidentId);
        return repository
                .findByIncident(incidentId.value())
                .map(p -> repository.revisions(p.id(), version))
                .orElse(List.of());
    }

    /**
     * Stores a whole document at once for an import: creates it, or replaces the sections of the existing one (a
     * revision for each section whose text changed). Runs inside the caller's transaction; the caller audits.
     */
    Postmortem store(Actor actor, Incident incident, String templateName, String sourceRef, List<Section> sections) {
        OffsetDateTime now = now();
        var existing = repository.findByIncident(incident.id().value());
        if (existing.isEmpty()) {
            long id = repository.insert(incident.id().value(), templateName, sourceRef, sections, actor.userId(), now);
            for (Section s : sections) {
                if (!s.body().isEmpty()) {
                    repository.addRevision(id, 0, s, "", s.body(), actor.username(), now);
                }
            }
        } else {
            Postmortem doc = existing.get();
            if (!repository.touch(doc.id(), doc.version(), actor.userId(), now)) {
                throw new ConflictException("The postmortem of " + incident.key() + " changed during the import.");
            }
            repository.replaceSections(doc.id(), sections);
            repository.setTemplateName(doc.id(), templateName);
            if (sourceRef != null) {
                repository.setSourceRef(doc.id(), sourceRef);
            }
            for (Section s : sections) {
                String before = doc.section(s.key()).map(Section::body).orElse("");
                if (!before.equals(s.body())) {
                    repository.addRevision(doc.id(), doc.version() + 1, s, before, s.body(), actor.username(), now);
                }
            }
        }
        return repository.findByIncident(incident.id().value()).orElseThrow();
    }

    java.util.Optional<Long> incidentBySource(String sourceRef) {
        return repository.incidentBySource(sourceRef);
    }

    private ConflictException stale(Incident incident, Postmortem current, int expectedVersion) {
        List<Revision> since = current.stored() ? repository.revisions(current.id(), expectedVersion) : List.of();
        String who = since.isEmpty()
                ? "someone else"
                : since.stream()
                        .map(r -> r.changedBy() + " (" + r.sectionTitle() + ")")
                        .distinct()
                        .collect(Collectors.joining(", "));
        return new ConflictException(
                "The postmortem of " + incident.key() + " was changed by " + who + " since you opened it (it is now at"
                        + " version " + current.version() + "). Your text was not saved: compare, then save again.",
                current.version());
    }

    /** Line ends as {@code \n}, no NUL characters, no trailing blank space. Never null. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace("\u0000", "")
                .strip();
    }

    private static String auditValue(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.length() > MAX_AUDIT_VALUE ? text.substring(0, MAX_AUDIT_VALUE) + "…" : text;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
