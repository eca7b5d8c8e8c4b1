package dev.hindsight.actions.web;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.actions.ActionFilter;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.actions.ActionPriority;
import dev.hindsight.actions.ActionSort;
import dev.hindsight.actions.ActionStatus;
import dev.hindsight.actions.ActionType;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The board's query parameters, shared by the page, the CSV export and the API, as typed: parsed into a filter with a
 * clear error for each bad value. {@code owner} is a login name, {@code team} a team id, {@code incident} a key.
 */
record ActionQuery(
        String owner,
        Long team,
        List<String> status,
        List<String> priority,
        List<String> type,
        Boolean overdue,
        String incident,
        Boolean mine,
        String sort,
        Integer page,
        Integer size,
        Boolean recurred) {

    ActionFilter filter(Accounts accounts) {
        List<FieldError> errors = new ArrayList<>();
        Long ownerId = null;
        if (owner != null && !owner.isBlank()) {
            ownerId = accounts.findByUsername(owner.strip()).map(u -> u.id()).orElse(null);
            if (ownerId == null) {
                errors.add(new FieldError("owner", "no user '" + owner.strip() + "'"));
            }
        }
        List<ActionStatus> statuses = parse("status", status, ActionStatus::parse, errors);
        List<ActionPriority> priorities = parse("priority", priority, ActionPriority::parse, errors);
        List<ActionType> types = parse("type", type, ActionType::parse, errors);
        IncidentId incidentId = null;
        if (incident != null && !incident.isBlank()) {
            incidentId = IncidentId.parse(incident).orElse(null);
            if (incidentId == null) {
                errors.add(new FieldError("incident", "'" + incident + "' is not an incident key like INC-12"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ActionFilter(
                ownerId,
                team,
                statuses,
                priorities,
                types,
                Boolean.TRUE.equals(overdue),
                incidentId,
                Boolean.TRUE.equals(mine),
                null,
                Boolean.TRUE.equals(recurred));
    }

    ActionSort sortOrder() {
        if (sort == null || sort.isBlank()) {
            return ActionSort.DUE;
        }
        return ActionSort.parse(sort)
                .orElseThrow(() -> new InvalidInputException("sort", "one of due, priority, updated"));
    }

    int pageNumber() {
        int p = page == null ? 0 : page;
        if (p < 0) {
            throw new InvalidInputException("page", "0 or more");
        }
        return p;
    }

    int pageSize() {
        int s = size == null ? 25 : size;
        if (s < 1 || s > ActionItems.MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "1 to " + ActionItems.MAX_PAGE_SIZE);
        }
        return s;
    }

    private static <E> List<E> parse(
            String field, List<String> raw, Function<String, Optional<E>> parser, List<FieldError> errors) {
        List<E> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (String item : raw) {
            if (item == null) {
                continue;
            }
            for (String part : item.split(",")) {
                if (!part.isBlank()) {
                    parser.apply(part.strip())
                            .ifPresentOrElse(
                                    out::add,
                                    () -> errors.add(
                                            new FieldError(field, "'" + part.strip() + "' is not a " + field)));
                }
            }
        }
        return out;
    }
}
