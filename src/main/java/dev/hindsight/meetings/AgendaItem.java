package dev.hindsight.meetings;

import java.util.List;

/** One part of the meeting's agenda with the points to go through, in order. */
public record AgendaItem(String title, List<String> points) {}
