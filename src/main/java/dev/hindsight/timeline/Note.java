package dev.hindsight.timeline;

import java.time.OffsetDateTime;

/** An annotation on a timeline entry. */
public record Note(long id, String author, String text, OffsetDateTime writtenAt) {}
