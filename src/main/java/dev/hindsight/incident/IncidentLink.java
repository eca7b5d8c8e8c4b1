package dev.hindsight.incident;

/** A link from the incident to somewhere else: chat channel, dashboard, ticket. */
public record IncidentLink(String label, String url) {}
