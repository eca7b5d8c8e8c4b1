package dev.hindsight.timeline.web;

import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.timeline.SourceKinds;
import dev.hindsight.timeline.TimelineFilter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Timeline filters as query parameters: {@code status} (proposed, accepted, hidden, merged, all; repeatable; default
 * proposed and accepted), {@code kind} (repeatable), {@code evidence} (evidence ids, repeatable), {@code all} (also
 * the source events no rule proposes) and, for the page, {@code group} (day, source, kind).
 */
public record TimelineQuery(List<String> status, List<String> kind, List<Long> evidence, Boolean all, String group) {

    static final List<String> KINDS = java.util.stream.Stream.concat(
                    SourceKinds.ALL.stream(), java.util.stream.Stream.of("MANUAL", "STATEMENT"))
            .toList();

    TimelineFilter filter() {
        Set<String> kinds = kind == null
                ? Set.of()
                : kind.stream()
                        .filter(k -> k != null && !k.isBlank())
                        .map(k -> k.trim().toUpperCase(Locale.ROOT))
                        .collect(Collectors.toSet());
        for (String k : kinds) {
            if (!KINDS.contains(k)) {
                throw new InvalidInputException("kind", "'" + k + "' is not one of " + String.join(", ", KINDS));
            }
        }
        return new TimelineFilter(
                TimelineFilter.statuses(status),
                kinds,
                evidence == null
                        ? Set.of()
                        : evidence.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet()),
                Boolean.TRUE.equals(all));
    }

    public String grouping() {
        return group == null || !List.of("source", "kind").contains(group) ? "day" : group;
    }

    /** The first status asked for, for the page's select ({@code ""} for the default). */
    public String statusValue() {
        return status == null || status.isEmpty() || status.getFirst() == null ? "" : status.getFirst();
    }

    public String kindValue() {
        return kind == null || kind.isEmpty() || kind.getFirst() == null ? "" : kind.getFirst();
    }

    public Long evidenceValue() {
        return evidence == null
                ? null
                : evidence.stream()
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
    }

    public boolean allEvents() {
        return Boolean.TRUE.equals(all);
    }
}
