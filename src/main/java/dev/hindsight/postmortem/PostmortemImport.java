package dev.hindsight.postmortem;

import dev.hindsight.audit.AuditTrail;
import dev.hindsight.catalog.CatalogService;
import dev.hindsight.catalog.ServiceCatalog;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentForm;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentLink;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.IncidentStatus;
import dev.hindsight.incident.Severity;
import dev.hindsight.incident.Visibility;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Imports Markdown postmortems with YAML front matter (docs-as-code): Hindsight's own Markdown export, and the
 * public postmortem collections (keys {@code uuid, url, title, start_time, end_time, categories, keywords, company,
 * product, summary, archive_url}). One file is one transaction: a refused file changes nothing. Admins only, since an
 * import may add services to the catalog.
 *
 * <p>Rules: the incident is the one with the front matter's {@code key} when it exists, else the one imported earlier
 * from the same {@code source} (or {@code uuid}), else a new one. Severity {@code SEV1}..{@code SEV5} or
 * {@code 1}..{@code 5}; words map as critical→SEV1, high/major→SEV2, medium/moderate→SEV3, low/minor→SEV4; missing or
 * unknown → SEV3. Services from {@code services}, else from {@code product} (else {@code company}) as a slug, created
 * in the catalog when missing. Tags from {@code tags}, {@code categories} and {@code keywords}, made into tags
 * (lower case, other characters become {@code -}), at most 30. Times from {@code started_at}/{@code start_time},
 * {@code resolved_at}/{@code end_time} and the other key times: RFC 3339 with an offset; without one, UTC; empty means
 * unknown. An imported incident is resolved unless its front matter says otherwise; without an end time it counts as
 * resolved when its postmortem was published ({@code source_published_at}), else when imported (the incident rule). Sections: the front matter's {@code sections} layout (from an export), else the template the severity
 * selects; the body is split on the section markers of an export, else on level-1 and level-2 headings: text before
 * the first heading goes to the first narrative section, a heading naming a narrative section fills it, any other
 * heading becomes a narrative section of its own.
 */
@Service
public class PostmortemImport {

    static final int MAX_FILE = 1_000_000;
    private static final Pattern FRONT_MATTER = Pattern.compile(
            "\\A\\uFEFF?---[ \\t]*\\r?\\n(.*?)\\r?\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)", Pattern.DOTALL);
    private static final Pattern SECTION_MARK =
            Pattern.compile("(?m)^<!-- section: ([a-z0-9][a-z0-9-]*) -->[ \\t]*\\n?");
    private static final Pattern LIVE = Pattern.compile(
            Pattern.quote(PostmortemExports.LIVE_START) + ".*?" + Pattern.quote(PostmortemExports.LIVE_END),
            Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,2}[ \\t]+(.+?)[ \\t#]*$");
    private static final Pattern FIRST_HEADING = Pattern.compile("\\A\\s*#{1,6}[ \\t]+[^\\n]*\\n?");
    private static final Pattern TAG_CHARS = Pattern.compile("[^a-z0-9._:-]+");
    private static final int MAX_TAGS = 30;

    private final IncidentManagement incidents;
    private final ServiceCatalog catalog;
    private final PostmortemTemplates templates;
    private final PostmortemDocuments documents;
    private final AuditTrail audit;

    PostmortemImport(
            IncidentManagement incidents,
            ServiceCatalog catalog,
            PostmortemTemplates templates,
            PostmortemDocuments documents,
            AuditTrail audit) {
        this.incidents = incidents;
        this.catalog = catalog;
        this.templates = templates;
        this.documents = documents;
        this.audit = audit;
    }

    /**
     * Imports one file. {@code asNew}: always create a new incident (ignore {@code key} and {@code source}).
     * {@link InvalidInputException} naming what is wrong with the file (nothing is changed then).
     */
    @Transactional
    public ImportResult importFile(Actor actor, String fileName, String text, boolean asNew) {
        actor.require(Role.ADMIN);
        String name = fileName == null || fileName.isBlank() ? "postmortem.md" : fileName;
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("file", name + " is empty");
        }
        if (text.length() > MAX_FILE) {
            throw new InvalidInputException("file", name + " is larger than " + MAX_FILE + " characters");
        }
        String content = text.replace("\r\n", "\n").replace("\u0000", "");
        Matcher fm = FRONT_MATTER.matcher(content);
        if (!fm.find()) {
            throw new InvalidInputException(
                    "file", name + " has no YAML front matter (a '---' line, the fields, then another '---' line)");
        }
        JsonNode meta;
        try {
            meta = fm.group(1).isBlank()
                    ? PostmortemExports.YAML.createObjectNode()
                    : PostmortemExports.YAML.readTree(fm.group(1));
        } catch (JacksonException e) {
            throw new InvalidInputException(
                    "frontMatter", name + ": the YAML front matter does not parse: " + e.getOriginalMessage());
        }
        if (meta == null || meta.isNull() || meta.isMissingNode()) {
            meta = PostmortemExports.YAML.createObjectNode();
        }
        if (!meta.isObject()) {
            throw new InvalidInputException(
                    "frontMatter", name + ": the front matter must be a set of 'key: value' lines");
        }
        String body = content.substring(fm.end());

        List<FieldError> errors = new ArrayList<>();
        Severity severity = severity(text(meta, "severity"));
        PostmortemTemplate template = templateFor(meta, severity);
        List<Section> layout = layout(meta, template, errors);
        List<Section> sections = fill(layout, body);
        for (Section s : sections) {
            if (s.body().length() > PostmortemDocuments.MAX_BODY) {
                errors.add(new FieldError(
                        "sections." + s.key(), "at most " + PostmortemDocuments.MAX_BODY + " characters"));
            }
        }
        Map<String, OffsetDateTime> times = new LinkedHashMap<>();
        times.put("startedAt", time(meta, errors, "started_at", "start_time"));
        times.put("detectedAt", time(meta, errors, "detected_at"));
        times.put("acknowledgedAt", time(meta, errors, "acknowledged_at"));
        times.put("mitigatedAt", time(meta, errors, "mitigated_at"));
        times.put("resolvedAt", time(meta, errors, "resolved_at", "end_time"));
        if (times.get("resolvedAt") == null) {
            OffsetDateTime published = time(meta, errors, "source_published_at");
            if (published != null && (times.get("startedAt") == null || !published.isBefore(times.get("startedAt")))) {
                times.put("resolvedAt", published);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        String sourceRef = first(text(meta, "source"), text(meta, "uuid"));
        Optional<Incident> existing = asNew ? Optional.empty() : existing(actor, meta, sourceRef);
        String title = title(meta, name, times.get("startedAt"));
        String summary = first(text(meta, "summary"), firstParagraph(body));
        if (summary != null && summary.length() > 10_000) {
            summary = summary.substring(0, 9_999) + "…";
        }
        List<String> services = services(actor, meta);
        IncidentForm form = new IncidentForm(
                title,
                summary,
                severity.label(),
                status(meta, existing.orElse(null)),
                first(
                        text(meta, "visibility"),
                        existing.map(i -> i.visibility().label()).orElse(Visibility.NORMAL.label())),
                services,
                text(meta, "impact"),
                number(meta, "users_affected") == null
                        ? null
                        : number(meta, "users_affected").longValue(),
                number(meta, "error_budget_consumed") == null
                        ? null
                        : number(meta, "error_budget_consumed").doubleValue(),
                times.get("startedAt"),
                times.get("detectedAt"),
                times.get("acknowledgedAt"),
                times.get("mitigatedAt"),
                times.get("resolvedAt"),
                existing.flatMap(i -> Optional.ofNullable(i.commander()))
                        .map(c -> c.username())
                        .orElse(null),
                existing.map(i -> i.participants().stream()
                                .map(p -> new IncidentForm.ParticipantEntry(
                                        p.username(), p.role().label()))
                                .toList())
                        .orElse(List.of()),
                tags(meta),
                links(meta),
                existing.map(Incident::customFields).orElse(Map.of()));
        Incident incident = existing.isPresent()
                ? incidents.update(
                        actor, existing.get().id(), form, existing.get().version())
                : incidents.create(actor, form);
        String ref = asNew ? null : sourceRef;
        if (ref != null) {
            Optional<Long> owner = documents.incidentBySource(ref);
            if (owner.isPresent() && owner.get() != incident.id().value()) {
                ref = null;
            }
        }
        documents.store(actor, incident, template.name(), ref, sections);
        audit.record(
                incident.id().value(),
                actor,
                "postmortem-imported",
                "Imported the postmortem of " + incident.key() + " from " + name,
                List.of());
        return new ImportResult(name, incident.key(), existing.isEmpty(), incident.title(), List.of());
    }

    private Optional<Incident> existing(Actor actor, JsonNode meta, String sourceRef) {
        Optional<IncidentId> byKey = IncidentId.parse(text(meta, "key"));
        if (byKey.isPresent()) {
            Optional<Incident> found = incidents.find(actor, byKey.get());
            if (found.isPresent()) {
                return found;
            }
        }
        if (sourceRef != null) {
            return documents.incidentBySource(sourceRef).flatMap(id -> incidents.find(actor, new IncidentId(id)));
        }
        return Optional.empty();
    }

    private PostmortemTemplate templateFor(JsonNode meta, Severity severity) {
        String named = text(meta, "template");
        if (named != null) {
            Optional<PostmortemTemplate> t = templates.byName(named);
            if (t.isPresent()) {
                return t.get();
            }
        }
        return templates.forSeverity(severity);
    }

    private static List<Section> layout(JsonNode meta, PostmortemTemplate template, List<FieldError> errors) {
        JsonNode given = meta.get("sections");
        if (given == null || !given.isArray() || given.isEmpty()) {
            return PostmortemDocuments.sectionsOf(template);
        }
        List<TemplateForm.SectionForm> forms = new ArrayList<>();
        for (JsonNode s : given) {
            forms.add(new TemplateForm.SectionForm(
                    text(s, "key"),
                    text(s, "title"),
                    text(s, "kind"),
                    s.has("required") && s.get("required").asBoolean(false),
                    null));
        }
        try {
            PostmortemTemplate parsed = PostmortemTemplates.validate(new TemplateForm("import", List.of(), forms));
            return parsed.sections().stream()
                    .map(s -> new Section(
                            s.key(),
                            s.title(),
                            s.kind(),
                            s.required(),
                            template.sections().stream()
                                    .filter(t -> t.key().equals(s.key()))
                                    .map(TemplateSection::guidance)
                                    .findFirst()
                                    .orElse(null),
                            ""))
                    .toList();
        } catch (InvalidInputException e) {
            e.errors().forEach(err -> errors.add(new FieldError("frontMatter." + err.field(), err.message())));
            return List.of();
        }
    }

    /** Puts the body's text into the layout's sections. */
    static List<Section> fill(List<Section> layout, String body) {
        List<Section> sections = new ArrayList<>(layout);
        Matcher marks = SECTION_MARK.matcher(body);
        if (marks.find()) {
            List<int[]> starts = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            do {
                starts.add(new int[] {marks.start(), marks.end()});
                keys.add(marks.group(1));
            } while (marks.find());
            for (int i = 0; i < keys.size(); i++) {
                int end = i + 1 < keys.size() ? starts.get(i + 1)[0] : body.length();
                String chunk = body.substring(starts.get(i)[1], end);
                chunk = FIRST_HEADING.matcher(chunk).replaceFirst("");
                chunk = LIVE.matcher(chunk).replaceAll("");
                put(sections, keys.get(i), null, PostmortemDocuments.clean(chunk));
            }
            return sections;
        }
        Matcher headings = HEADING.matcher(body);
        int from = 0;
        String heading = null;
        while (true) {
            boolean found = headings.find();
            int to = found ? headings.start() : body.length();
            String chunk = PostmortemDocuments.clean(
                    LIVE.matcher(body.substring(from, to)).replaceAll(""));
            if (heading == null) {
                if (!chunk.isEmpty()) {
                    sections.stream()
                            .filter(s -> !s.live())
                            .findFirst()
                            .ifPresentOrElse(
                                    s -> put(sections, s.key(), null, chunk),
                                    () -> put(sections, "narrative", "Narrative", chunk));
                }
            } else {
                String title = heading;
                Optional<Section> match = sections.stream()
                        .filter(s -> !s.live())
                        .filter(s ->
                                s.title().equalsIgnoreCase(title) || s.key().equals(PostmortemTemplates.slug(title)))
                        .findFirst();
                if (match.isPresent()) {
                    put(sections, match.get().key(), null, chunk);
                } else if (!chunk.isEmpty()) {
                    put(sections, uniqueKey(sections, PostmortemTemplates.slug(title)), title, chunk);
                }
            }
            if (!found) {
                break;
            }
            heading = headings.group(1).strip();
            if (heading.length() > PostmortemTemplates.MAX_TITLE) {
                heading = heading.substring(0, PostmortemTemplates.MAX_TITLE);
            }
            from = headings.end();
        }
        return sections;
    }

    private static void put(List<Section> sections, String key, String newTitle, String text) {
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.key().equals(key)) {
                if (!s.live()) {
                    String body = s.body().isEmpty() ? text : s.body() + "\n\n" + text;
                    sections.set(i, new Section(s.key(), s.title(), s.kind(), s.required(), s.guidance(), body));
                }
                return;
            }
        }
        if (!text.isEmpty()) {
            sections.add(new Section(key, newTitle == null ? key : newTitle, SectionKind.NARRATIVE, false, null, text));
        }
    }

    private static String uniqueKey(List<Section> sections, String key) {
        Set<String> used = new HashSet<>();
        sections.forEach(s -> used.add(s.key()));
        String candidate = key;
        for (int n = 2; used.contains(candidate); n++) {
            candidate = key + "-" + n;
        }
        return candidate;
    }

    static Severity severity(String text) {
        if (text == null) {
            return new Severity(3);
        }
        Optional<Severity> parsed = Severity.parse(text);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "critical" -> new Severity(1);
            case "high", "major" -> new Severity(2);
            case "low", "minor" -> new Severity(4);
            default -> new Severity(3);
        };
    }

    private static String status(JsonNode meta, Incident existing) {
        Optional<IncidentStatus> wanted = IncidentStatus.parse(text(meta, "status"));
        if (existing == null) {
            return wanted.orElse(IncidentStatus.RESOLVED).label();
        }
        return wanted.filter(s -> s == existing.status() || existing.status().canMoveTo(s))
                .orElse(existing.status())
                .label();
    }

    private static String title(JsonNode meta, String fileName, OffsetDateTime started) {
        String title = text(meta, "title");
        if (title == null) {
            String who = String.join(
                            " ",
                            java.util.stream.Stream.of(text(meta, "company"), text(meta, "product"))
                                    .filter(s -> s != null)
                                    .distinct()
                                    .toList())
                    .strip();
            title = (who.isEmpty() ? fileName.replaceFirst("\\.md$", "") : who + " incident")
                    + (started == null ? "" : " of " + started.toLocalDate());
        }
        return title.length() > 200 ? title.substring(0, 199) + "…" : title;
    }

    private List<String> services(Actor actor, JsonNode meta) {
        List<String> names = list(meta, "services");
        if (names.isEmpty()) {
            String product = first(text(meta, "product"), text(meta, "company"));
            if (product != null) {
                names = List.of(product);
            }
        }
        List<String> result = new ArrayList<>();
        for (String name : names) {
            Optional<CatalogService> known = catalog.findByName(name.strip());
            if (known.isEmpty()) {
                String slug = serviceSlug(name);
                if (slug.isEmpty()) {
                    continue;
                }
                known = catalog.findByName(slug);
                if (known.isEmpty()) {
                    known = Optional.of(
                            catalog.create(actor, slug, "Added by a postmortem import (" + name.strip() + ")", null));
                }
            }
            if (!result.contains(known.get().name())) {
                result.add(known.get().name());
            }
        }
        return result;
    }

    static String serviceSlug(String name) {
        String slug = name.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[-._]+|[-._]+$", "");
        return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }

    private static List<String> tags(JsonNode meta) {
        Set<String> tags = new LinkedHashSet<>();
        for (String field : List.of("tags", "categories", "keywords")) {
            for (String value : list(meta, field)) {
                String tag = TAG_CHARS
                        .matcher(value.strip().toLowerCase(Locale.ROOT))
                        .replaceAll("-")
                        .replaceAll("^[^a-z0-9]+|-+$", "");
                if (tag.length() > 60) {
                    tag = tag.substring(0, 60).replaceAll("-+$", "");
                }
                if (!tag.isEmpty() && tags.size() < MAX_TAGS) {
                    tags.add(tag);
                }
            }
        }
        return List.copyOf(tags);
    }

    private static List<IncidentLink> links(JsonNode meta) {
        List<IncidentLink> links = new ArrayList<>();
        JsonNode given = meta.get("links");
        if (given != null && given.isArray()) {
            for (JsonNode l : given) {
                String url = l.isObject() ? text(l, "url") : scalar(l);
                if (url != null) {
                    links.add(new IncidentLink(l.isObject() ? text(l, "label") : null, url));
                }
            }
        }
        addLink(links, "Source", text(meta, "url"));
        addLink(links, "Archived copy", text(meta, "archive_url"));
        return links.size() > 30 ? links.subList(0, 30) : links;
    }

    private static void addLink(List<IncidentLink> links, String label, String url) {
        if (url != null
                && url.matches("(?i)https?://\\S+")
                && links.stream().noneMatch(l -> l.url().equals(url))) {
            links.add(new IncidentLink(label, url));
        }
    }

    private static OffsetDateTime time(JsonNode meta, List<FieldError> errors, String... names) {
        for (String name : names) {
            String value = text(meta, name);
            if (value == null) {
                continue;
            }
            try {
                return OffsetDateTime.parse(value.replace(' ', 'T')).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(value.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    try {
                        return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
                    } catch (DateTimeParseException e3) {
                        errors.add(new FieldError(
                                name, "'" + value + "' is not a time like 2024-03-10T14:05:00Z or with an offset"));
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static Number number(JsonNode meta, String name) {
        JsonNode n = meta.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.numberValue();
        }
        String s = scalar(n);
        if (s == null) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "'" + s + "' is not a number");
        }
    }

    /** A list field: a YAML list, or one value (comma-separated values allowed). Never null. */
    private static List<String> list(JsonNode meta, String name) {
        JsonNode n = meta.get(name);
        List<String> values = new ArrayList<>();
        if (n == null || n.isNull()) {
            return values;
        }
        if (n.isArray()) {
            for (JsonNode v : n) {
                String s = scalar(v);
                if (s != null) {
                    values.add(s);
                }
            }
        } else {
            String s = scalar(n);
            if (s != null) {
                for (String part : s.split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.strip());
                    }
                }
            }
        }
        return values;
    }

    static String text(JsonNode meta, String name) {
        JsonNode n = meta == null ? null : meta.get(name);
        return n == null ? null : scalar(n);
    }

    private static String scalar(JsonNode n) {
        if (n == null || n.isNull() || n.isContainer()) {
            return null;
        }
        String s = n.asString();
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String firstParagraph(String body) {
        String text = LIVE.matcher(SECTION_MARK.matcher(body).replaceAll(""))
                .replaceAll("")
                .strip();
        for (String para : text.split("\\n\\s*\\n")) {
            String p = para.strip();
            if (!p.isEmpty() && !p.startsWith("#")) {
                return p;
            }
        }
        return null;
    }
}
