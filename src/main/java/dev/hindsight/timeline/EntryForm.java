package dev.hindsight.timeline;

/**
 * A manual entry, or an edit of an entry.
 *
 * @param time ISO-8601 with an offset ({@code 2026-03-02T10:15:00+01:00}); required for manual entries, ignored for
 *     source entries, whose time is the evidence's
 * @param text what happened; for a source entry, blank goes back to the source's text
 */
public record EntryForm(String time, String text) {}
