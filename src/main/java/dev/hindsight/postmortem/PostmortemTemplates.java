package dev.hindsight.postmortem;

import dev.hindsight.incident.Incident;
import dev.hindsight.incident.Severity;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Postmortem templates: the built-in default and those admins define. Which one a new document gets: the first admin
 * template (oldest first) listing the incident's severity, else the default.
 */
@Service
public class PostmortemTemplates {

    static final int MAX_NAME = 100;
    static final int MAX_TITLE = 200;
    static final int MAX_GUIDANCE = 2000;
    static final int MAX_SECTIONS = 40;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    private final PostmortemRepository repository;
    private final Clock clock;

    PostmortemTemplates(PostmortemRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The default first, then admin templates oldest first. Never null. */
    public List<PostmortemTemplate> list() {
        List<PostmortemTemplate> all = new ArrayList<>();
        all.add(PostmortemTemplate.DEFAULT);
        all.addAll(repository.templates());
        return all;
    }

    /** The template named {@code name} (any case); the default for its name. */
    public Optional<PostmortemTemplate> byName(String name) {
        return list().stream()
                .filter(t -> t.name().equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    /** An admin template by id; {@link NotFoundException} when there is none. */
    public PostmortemTemplate get(long id) {
        return repository.templates().stream()
                .filter(t -> t.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No postmortem template " + id));
    }

    /** The template a new document of {@code incident} gets by rule. Never null. */
    public PostmortemTemplate forIncident(Incident incident) {
        return forSeverity(incident.severity());
    }

    /** The first admin template listing {@code severity}, else the default. Never null. */
    public PostmortemTemplate forSeverity(Severity severity) {
        return repository.templates().stream()
                .filter(t -> t.severities().contains(severity.level()))
                .findFirst()
                .orElse(PostmortemTemplate.DEFAULT);
    }

    /** Defines a template. Admins only; {@link InvalidInputException} listing every broken rule. */
    @Transactional
    public PostmortemTemplate create(Actor actor, TemplateForm form) {
        actor.require(Role.ADMIN);
        PostmortemTemplate valid = validate(form);
        try {
            long id = repository.insertTemplate(valid.name(), valid.severities(), valid.sections(), now());
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "a template named '" + valid.name() + "' already exists");
        }
    }

    /** Redefines a template saved at {@code expectedVersion}; {@link ConflictException} when it changed since. */
    @Transactional
    public PostmortemTemplate update(Actor actor, long id, TemplateForm form, int expectedVersion) {
        actor.require(Role.ADMIN);
        PostmortemTemplate before = get(id);
        PostmortemTemplate valid = validate(form);
        try {
            if (before.version() != expectedVersion
                    || !repository.updateTemplate(
                            id, valid.name(), valid.severities(), valid.sections(), expectedVersion, now())) {
                throw new ConflictException(
                        "Template '" + before.name() + "' was changed by someone else (it is now at version "
                                + get(id).version() + "). Reload, then apply your changes again.",
                        get(id).version());
            }
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "a template named '" + valid.name() + "' already exists");
        }
        return get(id);
    }

    /** Removes an admin template; documents made from it keep their sections. */
    @Transactional
    public void remove(Actor actor, long id) {
        actor.require(Role.ADMIN);
        if (!repository.deleteTemplate(id)) {
            throw new NotFoundException("No postmortem template " + id);
        }
    }

    static PostmortemTemplate validate(TemplateForm form) {
        List<FieldError> errors = new ArrayList<>();
        String name = trim(form.name());
        if (name == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "at most " + MAX_NAME + " characters"));
        } else if (name.equalsIgnoreCase(PostmortemTemplate.DEFAULT_NAME)) {
            errors.add(new FieldError("name", "'" + name + "' is the built-in template's name"));
        }
        Set<Integer> severities = new TreeSet<>();
        for (String s : form.severities() == null ? List.<String>of() : form.severities()) {
            if (trim(s) == null) {
                continue;
            }
            Optional<Severity> severity = Severity.parse(s);
            if (severity.isEmpty()) {
                errors.add(new FieldError("severities", "'" + s + "' is not one of SEV1 to SEV5"));
            } else {
                severities.add(severity.get().level());
            }
        }
        List<TemplateSection> sections = new ArrayList<>();
        List<TemplateForm.SectionForm> given = form.sections() == null ? List.of() : form.sections();
        if (given.isEmpty()) {
            errors.add(new FieldError("sections", "at least one section"));
        } else if (given.size() > MAX_SECTIONS) {
            errors.add(new FieldError("sections", "at most " + MAX_SECTIONS));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < given.size() && i < MAX_SECTIONS; i++) {
            TemplateForm.SectionForm s = given.get(i);
            String field = "sections[" + i + "]";
            if (s == null) {
                errors.add(new FieldError(field, "is empty"));
                continue;
            }
            String title = trim(s.title());
            String key = trim(s.key()) == null
                    ? (title == null ? null : slug(title))
                    : s.key().strip().toLowerCase(Locale.ROOT);
            if (title == null) {
                errors.add(new FieldError(field + ".title", "is required"));
            } else if (title.length() > MAX_TITLE) {
                errors.add(new FieldError(field + ".title", "at most " + MAX_TITLE + " characters"));
            }
            if (key != null && !KEY.matcher(key).matches()) {
                errors.add(new FieldError(
                        field + ".key", "'" + key + "' is not a key: lower-case letters, digits and '-', up to 60"));
            } else if (key != null && !keys.add(key)) {
                errors.add(new FieldError(field + ".key", "'" + key + "' is used by another section"));
            }
            SectionKind kind = trim(s.kind()) == null
                    ? SectionKind.NARRATIVE
                    : SectionKind.parse(s.kind()).orElse(null);
            if (kind == null) {
                errors.add(new FieldError(field + ".kind", "'" + s.kind() + "' is not one of " + SectionKind.names()));
            }
            String guidance = trim(s.guidance());
            if (guidance != null && guidance.length() > MAX_GUIDANCE) {
                errors.add(new FieldError(field + ".guidance", "at most " + MAX_GUIDANCE + " characters"));
            }
            if (title != null && key != null && kind != null) {
                sections.add(new TemplateSection(key, title, kind, Boolean.TRUE.equals(s.required()), guidance));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PostmortemTemplate(null, name, List.copyOf(severities), List.copyOf(sections), 0);
    }

    /** A section key made from a heading: {@code What went well?} → {@code what-went-well}. */
    static String slug(String title) {
        String slug =
                title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "section" : slug;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
