package dev.hindsight.timeline;

import java.util.List;

/**
 * A statement as written.
 *
 * @param times ISO-8601 times with an offset ({@code 2026-03-02T10:15:00+01:00}), at least one
 * @param linkedEntries entry refs to link it to, may be empty
 * @param onTimeline whether it also appears on the timeline (at its first time); null means no
 */
public record StatementForm(String text, List<String> times, List<String> linkedEntries, Boolean onTimeline) {}
