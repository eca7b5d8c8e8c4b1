package dev.hindsight.postmortem;

import java.util.List;

/** What an admin submits to define a template, before validation; lists may be null (meaning empty). */
public record TemplateForm(String name, List<String> severities, List<SectionForm> sections) {

    /** One section as submitted: the kind by name ({@code narrative}, {@code action_items}, ...). */
    public record SectionForm(String key, String title, String kind, Boolean required, String guidance) {}
}
