package dev.hindsight.timeline.web;

import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.Durations;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.timeline.EntryForm;
import dev.hindsight.timeline.EntryStatus;
import dev.hindsight.timeline.IncidentTimeline;
import dev.hindsight.timeline.KeyMoment;
import dev.hindsight.timeline.StatementForm;
import dev.hindsight.timeline.TimelineEntry;
import dev.hindsight.timeline.TimelineFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The timeline page ({@code /incidents/{key}/timeline}): entries grouped by day (or source, or kind) in the reader's
 * time zone (the browser's, from the {@code tz} cookie hindsight.js sets; UTC without it), filters, per-row curation
 * through htmx, the raw-lines drill-down, manual entries and statements; and the section on the incident page.
 */
@Controller
class TimelinePages {

    private static final String PAGE = "timeline/page";
    private static final String ROW = "timeline/page :: row";
    private static final String CHANGED = "timeline-changed";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final IncidentTimeline timeline;
    private final IncidentManagement incidents;
    private final EvidenceCollection evidence;

    TimelinePages(IncidentTimeline timeline, IncidentManagement incidents, EvidenceCollection evidence) {
        this.timeline = timeline;
        this.incidents = incidents;
        this.evidence = evidence;
    }

    @GetMapping("/incidents/{key}/timeline")
    String page(
            Actor actor,
            @PathVariable String key,
            @ModelAttribute("query") TimelineQuery query,
            @org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request", required = false) String htmx,
            @CookieValue(value = "tz", required = false) String tz,
            Model model,
            HttpServletResponse response) {
        IncidentId id = IncidentId.fromKey(key);
        Incident incident = incidents.get(actor, id);
        ZoneId zone = zone(tz);
        common(model, incident, zone);
        TimelineFilter filter;
        try {
            filter = query.filter();
        } catch (InvalidInputException e) {
            model.addAttribute("queryErrors", e.errors());
            response.setStatus(422);
            filter = TimelineFilter.DEFAULT;
        }
        List<TimelineEntry> entries = timeline.entries(actor, id, filter);
        model.addAttribute("groups", group(entries, query.grouping(), zone));
        model.addAttribute("count", entries.size());
        model.addAttribute("fullDate", !query.grouping().equals("day"));
        model.addAttribute("exportQuery", exportQuery(query));
        if (htmx != null) {
            return PAGE + " :: results";
        }
        model.addAttribute("sources", evidence.list(actor, id));
        model.addAttribute("kinds", TimelineQuery.KINDS);
        model.addAttribute("statements", timeline.statements(actor, id));
        return PAGE;
    }

    @GetMapping("/incidents/{key}/timeline-fragment")
    String section(Actor actor, @PathVariable String key, Model model) {
        IncidentId id = IncidentId.fromKey(key);
        List<TimelineEntry> all = timeline.entries(
                actor, id, new TimelineFilter(java.util.Set.of(EntryStatus.values()), null, null, false));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (EntryStatus s : EntryStatus.values()) {
            counts.put(s.label(), all.stream().filter(e -> e.status() == s).count());
        }
        model.addAttribute("key", id.key());
        model.addAttribute("counts", counts);
        model.addAttribute(
                "moments", all.stream().filter(e -> e.keyMoment() != null).toList());
        model.addAttribute("statementCount", timeline.statements(actor, id).size());
        return "timeline/section :: section";
    }

    @PostMapping("/incidents/{key}/timeline/entries/{ref}/{action:accept|hide|restore|unmerge|unmark}")
    String act(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @PathVariable String action,
            @RequestParam int version,
            @CookieValue(value = "tz", required = false) String tz,
            Model model,
            HttpServletResponse response) {
        IncidentId id = IncidentId.fromKey(key);
        return row(actor, id, ref, tz, model, response, false, () -> switch (action) {
            case "accept" -> timeline.accept(actor, id, ref, version);
            case "hide" -> timeline.hide(actor, id, ref, version);
            case "restore" -> timeline.restore(actor, id, ref, version);
            case "unmerge" -> timeline.unmerge(actor, id, ref, version);
            default -> timeline.unmark(actor, id, ref, version);
        });
    }

    @PostMapping("/incidents/{key}/timeline/entries/{ref}/edit")
    String edit(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) String time,
            @RequestParam int version,
            @CookieValue(value = "tz", required = false) String tz,
            Model model,
            HttpServletResponse response) {
        IncidentId id = IncidentId.fromKey(key);
        ZoneId zone = zone(tz);
        return row(
                actor,
                id,
                ref,
                tz,
                model,
                response,
                false,
                () -> timeline.edit(actor, id, ref, new EntryForm(iso(time, zone), text), version));
    }

    @PostMapping("/incidents/{key}/timeline/entries/{ref}/notes")
    String note(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestParam(defaultValue = "") String text,
            @CookieValue(value = "tz", required = false) String tz,
            Model model,
            HttpServletResponse response) {
        IncidentId id = IncidentId.fromKey(key);
        return row(actor, id, ref, tz, model, response, false, () -> timeline.annotate(actor, id, ref, text));
    }

    @PostMapping("/incidents/{key}/timeline/entries/{ref}/merge")
    String merge(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestParam(defaultValue = "") String entries,
            @RequestParam int version,
            @CookieValue(value = "tz", required = false) String tz,
            Model model,
            HttpServletResponse response) {
        IncidentId id = IncidentId.fromKey(key);
        List<String> refs = Arrays.stream(entries.split("[,\\s]+"))
                .filter(s -> !s.isBlank())
                .toList();
        return row(actor, id, ref, tz, model, response, true, () -> timeline.merge(actor, id, ref, version, refs));
    }

    @PostMapping("/incidents/{key}/timeline/entries/{ref}/key-moment")
    String mark(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestParam(defaultValue = "") String moment,
            @RequestParam int version,
            @CookieValue(value = "tz", required = false) String tz,
            Model model,
            HttpServletResponse response) {
        IncidentId id = IncidentId.fromKey(key);
        return row(
                actor, id, ref, tz, model, response, true, () -> timeline.mark(actor, id, ref, moment, version, null));
    }

    @GetMapping("/incidents/{key}/timeline/entries/{ref}/raw")
    String raw(
            Actor actor,
            @PathVariable String key,
            @PathVariable String ref,
            @RequestParam(defaultValue = "3") int context,
            Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute("raw", timeline.rawLines(actor, IncidentId.fromKey(key), ref, context));
        } catch (InvalidInputException e) {
            model.addAttribute("rawError", message(e.errors()));
        }
        return PAGE + " :: raw";
    }

    @PostMapping("/incidents/{key}/timeline/entries")
    String add(
            Actor actor,
            @PathVariable String key,
            @RequestParam(defaultValue = "") String time,
            @RequestParam(defaultValue = "") String text,
            @CookieValue(value = "tz", required = false) String tz,
            Model model,
            HttpServletResponse response) {
        IncidentId id = IncidentId.fromKey(key);
        model.addAttribute("key", id.key());
        try {
            TimelineEntry added = timeline.addManual(actor, id, new EntryForm(iso(time, zone(tz)), text));
            model.addAttribute("addMessage", "Added " + added.ref() + ".");
            response.setHeader("HX-Trigger", CHANGED);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("addError", message(e.errors()));
            model.addAttribute("addTime", time);
            model.addAttribute("addText", text);
        }
        return PAGE + " :: add";
    }

    @PostMapping("/incidents/{key}/timeline/statements")
    String addStatement(
            Actor actor,
            @PathVariable String key,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String times,
            @RequestParam(defaultValue = "") String entries,
            @RequestParam(defaultValue = "false") boolean onTimeline,
            @CookieValue(value = "tz", required = false) String tz,
            Model model,
            HttpServletResponse response) {
        IncidentId id = IncidentId.fromKey(key);
        ZoneId zone = zone(tz);
        List<String> isoTimes =
                times.lines().filter(l -> !l.isBlank()).map(l -> iso(l, zone)).toList();
        try {
            timeline.addStatement(actor, id, new StatementForm(text, isoTimes, refs(entries), onTimeline));
            model.addAttribute("statementMessage", "Statement recorded.");
            response.setHeader("HX-Trigger", CHANGED);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("statementError", message(e.errors()));
            model.addAttribute("statementText", text);
            model.addAttribute("statementTimes", times);
            model.addAttribute("statementEntries", entries);
        }
        return statements(actor, id, zone, model);
    }

    @PostMapping("/incidents/{key}/timeline/statements/{statementId}/links")
    String link(
            Actor actor,
            @PathVariable String key,
            @PathVariable long statementId,
            @RequestParam(defaultValue = "") String entries,
            @RequestParam int version,
            @CookieValue(value = "tz", required = false) String tz,
            Model model,
            HttpServletResponse response) {
        IncidentId id = IncidentId.fromKey(key);
        try {
            timeline.linkStatement(actor, id, statementId, refs(entries), version);
            model.addAttribute("statementMessage", "Links saved.");
            response.setHeader("HX-Trigger", CHANGED);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("statementError", message(e.errors()));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("statementError", e.getMessage());
        }
        return statements(actor, id, zone(tz), model);
    }

    private String statements(Actor actor, IncidentId id, ZoneId zone, Model model) {
        model.addAttribute("key", id.key());
        model.addAttribute("zone", zone);
        model.addAttribute("statements", timeline.statements(actor, id));
        return PAGE + " :: statements";
    }

    private interface Change {
        TimelineEntry run();
    }

    private String row(
            Actor actor,
            IncidentId id,
            String ref,
            String tz,
            Model model,
            HttpServletResponse response,
            boolean refreshAll,
            Change change) {
        ZoneId zone = zone(tz);
        model.addAttribute("key", id.key());
        model.addAttribute("zone", zone);
        model.addAttribute("moments", KeyMoment.values());
        model.addAttribute("fullDate", false);
        TimelineEntry entry;
        try {
            entry = change.run();
            if (refreshAll) {
                response.setHeader("HX-Trigger", CHANGED);
            }
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("rowError", "Not changed: " + message(e.errors()));
            entry = timeline.entry(actor, id, ref);
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("rowError", e.getMessage() + ". The row now shows the saved entry.");
            entry = timeline.entry(actor, id, ref);
        }
        model.addAttribute("e", entry);
        return ROW;
    }

    private void common(Model model, Incident incident, ZoneId zone) {
        model.addAttribute("incident", incident);
        model.addAttribute("key", incident.key());
        model.addAttribute("zone", zone);
        model.addAttribute("zoneLabel", zoneLabel(zone));
        model.addAttribute("moments", KeyMoment.values());
        var t = incident.keyTimes();
        Map<String, String> durations = new LinkedHashMap<>();
        durations.put("TTD", Durations.human(t.timeToDetect()));
        durations.put("TTA", Durations.human(t.timeToAcknowledge()));
        durations.put("TTM", Durations.human(t.timeToMitigate()));
        durations.put("TTR", Durations.human(t.timeToResolve()));
        model.addAttribute("durations", durations);
    }

    static List<TimelineGroup> group(List<TimelineEntry> entries, String grouping, ZoneId zone) {
        Map<String, List<TimelineEntry>> groups = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        List<TimelineEntry> sorted = new ArrayList<>(entries);
        if (!grouping.equals("day")) {
            sorted.sort(java.util.Comparator.comparing(
                    (TimelineEntry e) -> grouping.equals("source") ? e.source() : e.kind()));
        }
        for (TimelineEntry e : sorted) {
            String title;
            String note;
            if (grouping.equals("source")) {
                title = e.source();
                note = null;
            } else if (grouping.equals("kind")) {
                title = e.kind();
                note = null;
            } else {
                var local = e.at().atZoneSameInstant(zone);
                title = local.format(DAY);
                note = "UTC" + offset(local.getOffset());
            }
            groups.computeIfAbsent(title, k -> new ArrayList<>()).add(e);
            notes.putIfAbsent(title, note);
        }
        return groups.entrySet().stream()
                .map(g -> new TimelineGroup(g.getKey(), notes.get(g.getKey()), g.getValue()))
                .toList();
    }

    static String zoneLabel(ZoneId zone) {
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        return zone.getId() + " (UTC" + offset(zone.getRules().getOffset(java.time.Instant.now())) + ")";
    }

    private static String offset(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "" : offset.getId();
    }

    /** A time typed on a page: ISO with an offset as is, else a local date-time in the reader's zone. */
    static String iso(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return raw;
        }
        String text = raw.trim();
        try {
            return OffsetDateTime.parse(text).toString();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T'))
                        .atZone(zone)
                        .toOffsetDateTime()
                        .toString();
            } catch (DateTimeException notLocal) {
                return text;
            }
        }
    }

    private static List<String> refs(String raw) {
        return Arrays.stream(raw.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String message(List<FieldError> errors) {
        return errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
    }

    private static String exportQuery(TimelineQuery q) {
        List<String> parts = new ArrayList<>();
        if (q.status() != null) {
            q.status().stream().filter(s -> s != null && !s.isBlank()).forEach(s -> parts.add("status=" + enc(s)));
        }
        if (q.kind() != null) {
            q.kind().stream().filter(s -> s != null && !s.isBlank()).forEach(s -> parts.add("kind=" + enc(s)));
        }
        if (q.evidence() != null) {
            q.evidence().forEach(e -> parts.add("evidence=" + e));
        }
        if (q.allEvents()) {
            parts.add("all=true");
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
