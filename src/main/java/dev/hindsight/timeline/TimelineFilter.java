package dev.hindsight.timeline;

import java.util.List;
import java.util.Set;

/**
 * Which entries to list.
 *
 * @param statuses the statuses to keep; empty means proposed and accepted
 * @param kinds the kinds to keep; empty means all
 * @param evidenceIds the evidence items to keep entries of; empty means all (manual and statement entries are kept
 *     only when it is empty)
 * @param allEvents also list source events the proposal rules do not select
 */
public record TimelineFilter(Set<EntryStatus> statuses, Set<String> kinds, Set<Long> evidenceIds, boolean allEvents) {

    public static final TimelineFilter DEFAULT = new TimelineFilter(Set.of(), Set.of(), Set.of(), false);
    public static final TimelineFilter EVERYTHING =
            new TimelineFilter(Set.of(EntryStatus.values()), Set.of(), Set.of(), true);

    public TimelineFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        evidenceIds = evidenceIds == null ? Set.of() : Set.copyOf(evidenceIds);
    }

    boolean keeps(TimelineEntry e) {
        Set<EntryStatus> wanted = statuses.isEmpty() ? Set.of(EntryStatus.PROPOSED, EntryStatus.ACCEPTED) : statuses;
        if (!wanted.contains(e.status())) {
            return false;
        }
        if (!kinds.isEmpty() && !kinds.contains(e.kind())) {
            return false;
        }
        return evidenceIds.isEmpty() || (e.evidenceId() != null && evidenceIds.contains(e.evidenceId()));
    }

    /** The statuses as given in a request ({@code proposed}, {@code all}...). */
    public static Set<EntryStatus> statuses(List<String> raw) {
        if (raw == null || raw.isEmpty() || raw.stream().allMatch(s -> s == null || s.isBlank())) {
            return Set.of();
        }
        if (raw.stream().anyMatch("all"::equalsIgnoreCase)) {
            return Set.of(EntryStatus.values());
        }
        return raw.stream()
                .map(s -> EntryStatus.parse(s)
                        .orElseThrow(() -> new dev.hindsight.shared.InvalidInputException(
                                "status", "'" + s + "' is not one of proposed, accepted, hidden, merged, all")))
                .collect(java.util.stream.Collectors.toSet());
    }
}
