package dev.hindsight.postmortem;

/**
 * One section of a template: a stable key (a lower-case slug), the heading, what it holds, whether the author must fill
 * it, and guidance shown to the author.
 */
public record TemplateSection(String key, String title, SectionKind kind, boolean required, String guidance) {}
