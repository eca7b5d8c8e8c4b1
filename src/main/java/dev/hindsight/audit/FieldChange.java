package dev.hindsight.audit;

/** One changed field: its name and its values before and after (null when absent). */
public record FieldChange(String field, String before, String after) {}
