package dev.hindsight.timeline.web;

import dev.hindsight.timeline.TimelineEntry;
import java.util.List;

/**
 * A run of timeline entries under one sticky header on the page.
 *
 * @param note what the header adds (the day's UTC offset), or null
 */
public record TimelineGroup(String title, String note, List<TimelineEntry> entries) {}
