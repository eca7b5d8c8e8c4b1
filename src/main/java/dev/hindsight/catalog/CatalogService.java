package dev.hindsight.catalog;

/** A service in the catalog; {@code teamId} and {@code teamName} are null when no team owns it. */
public record CatalogService(long id, String name, String description, Long teamId, String teamName) {}
