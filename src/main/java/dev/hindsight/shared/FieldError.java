package dev.hindsight.shared;

/** One rejected input field: {@code field} in request naming (e.g. {@code keyTimes.detectedAt}) and a message. */
public record FieldError(String field, String message) {}
