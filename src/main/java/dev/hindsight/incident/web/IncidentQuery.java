package dev.hindsight.incident.web;

import dev.hindsight.incident.IncidentFilter;
import dev.hindsight.incident.IncidentSort;
import dev.hindsight.incident.IncidentStatus;
import dev.hindsight.incident.PageRequest;
import dev.hindsight.incident.Severity;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The list's query parameters, shared by the page and the API, as typed: parsed into a filter and a page request
 * with a clear error for each bad value. Times accept an ISO date (2026-01-31) or a time with offset.
 */
record IncidentQuery(
        List<String> status,
        List<String> severity,
        String service,
        Long team,
        String tag,
        String from,
        String to,
        String q,
        String sort,
        String order,
        Integer page,
        Integer size) {

    static IncidentQuery empty() {
        return new IncidentQuery(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    IncidentFilter filter() {
        List<FieldError> errors = new ArrayList<>();
        List<IncidentStatus> statuses = new ArrayList<>();
        for (String s : values(status)) {
            IncidentStatus.parse(s)
                    .ifPresentOrElse(
                            statuses::add, () -> errors.add(new FieldError("status", "'" + s + "' is not a status")));
        }
        List<Severity> severities = new ArrayList<>();
        for (String s : values(severity)) {
            Severity.parse(s)
                    .ifPresentOrElse(
                            severities::add,
                            () -> errors.add(new FieldError("severity", "'" + s + "' is not one of SEV1 to SEV5")));
        }
        OffsetDateTime fromTime = time("from", from, false, errors);
        OffsetDateTime toTime = time("to", to, true, errors);
        if (fromTime != null && toTime != null && toTime.isBefore(fromTime)) {
            errors.add(new FieldError("to", "must not be before 'from'"));
        }
        if (q != null && q.length() > 200) {
            errors.add(new FieldError("q", "at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new IncidentFilter(statuses, severities, blank(service), team, blank(tag), fromTime, toTime, blank(q));
    }

    PageRequest pageRequest() {
        List<FieldError> errors = new ArrayList<>();
        IncidentSort by = IncidentSort.STARTED;
        if (sort != null && !sort.isBlank()) {
            by = IncidentSort.parse(sort).orElse(null);
            if (by == null) {
                errors.add(new FieldError("sort", "one of key, severity, status, started, updated, title"));
            }
        }
        boolean descending = by != IncidentSort.SEVERITY && by != IncidentSort.TITLE;
        if (order != null && !order.isBlank()) {
            switch (order.toLowerCase()) {
                case "asc" -> descending = false;
                case "desc" -> descending = true;
                default -> errors.add(new FieldError("order", "asc or desc"));
            }
        }
        int p = page == null ? 0 : page;
        int s = size == null ? 25 : size;
        if (p < 0) {
            errors.add(new FieldError("page", "0 or more"));
        }
        if (s < 1 || s > PageRequest.MAX_SIZE) {
            errors.add(new FieldError("size", "1 to " + PageRequest.MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PageRequest(p, s, by == null ? IncidentSort.STARTED : by, descending);
    }

    private static List<String> values(List<String> list) {
        if (list == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String item : list) {
            if (item != null) {
                for (String part : item.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    private static OffsetDateTime time(String name, String value, boolean endOfDay, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(
                    name, "'" + value + "' is not a date (2026-01-31) or time with offset (2026-01-31T14:00:00Z)"));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
