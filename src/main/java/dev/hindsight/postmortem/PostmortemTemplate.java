package dev.hindsight.postmortem;

import static dev.hindsight.postmortem.SectionKind.*;

import java.util.List;

/**
 * A document outline. The built-in default ({@link #DEFAULT}, id null) applies when no admin template matches.
 *
 * @param severities the severity levels (1 to 5) this template is chosen for; empty means it is only chosen by hand
 * @param sections in document order, at least one, keys unique
 */
public record PostmortemTemplate(
        Long id, String name, List<Integer> severities, List<TemplateSection> sections, int version) {

    public static final String DEFAULT_NAME = "Default";

    /**
     * The built-in outline, after the common public templates (the SRE book's among them): what happened and its
     * effect first, then how it unfolded, why, how it was handled, what was learned and what will change.
     */
    public static final PostmortemTemplate DEFAULT = new PostmortemTemplate(
            null,
            DEFAULT_NAME,
            List.of(),
            List.of(
                    new TemplateSection(
                            "summary",
                            "Summary",
                            SUMMARY,
                            true,
                            "Kept on the incident: two or three sentences a reader outside the team understands."),
                    new TemplateSection(
                            "impact",
                            "Impact",
                            IMPACT,
                            true,
                            "Kept on the incident: who noticed what, for how long, and how much."),
                    new TemplateSection(
                            "key-times",
                            "Key times",
                            KEY_TIMES,
                            true,
                            "From the incident's key times; detection, acknowledgement, mitigation and resolution durations follow."),
                    new TemplateSection(
                            "what-happened",
                            "What happened",
                            NARRATIVE,
                            true,
                            "Tell the story in plain words: the situation before, the change or condition that started it, how it spread."),
                    new TemplateSection(
                            "timeline", "Timeline", TIMELINE, false, "The moments that mattered, in order."),
                    new TemplateSection(
                            "detection",
                            "Detection",
                            NARRATIVE,
                            false,
                            "How did we find out? What signal fired, or why did none? What would have shown it sooner?"),
                    new TemplateSection(
                            "response",
                            "Response and recovery",
                            NARRATIVE,
                            false,
                            "What people tried, what the tools allowed, what restored service."),
                    new TemplateSection(
                            "root-causes",
                            "Root causes and contributing factors",
                            ROOT_CAUSES,
                            true,
                            "From the root-cause analysis: the conditions in the system, not the people in it."),
                    new TemplateSection(
                            "five-whys", "Five Whys", FIVE_WHYS, false, "The chains of questions behind the causes."),
                    new TemplateSection(
                            "diagrams",
                            "Diagrams",
                            DIAGRAMS,
                            false,
                            "Fishbone diagrams and fault trees drawn during the analysis."),
                    new TemplateSection(
                            "went-well",
                            "What went well",
                            NARRATIVE,
                            true,
                            "Practices, tools and safeguards that helped; worth keeping."),
                    new TemplateSection(
                            "went-wrong",
                            "What went wrong",
                            NARRATIVE,
                            true,
                            "Where the system, process or tooling made things harder. Describe conditions, not mistakes."),
                    new TemplateSection(
                            "got-lucky",
                            "Where we got lucky",
                            NARRATIVE,
                            false,
                            "Things that limited the damage by chance rather than by design."),
                    new TemplateSection(
                            "action-items",
                            "Action items",
                            ACTION_ITEMS,
                            true,
                            "From the action plan: what will change, who owns it, by when."),
                    new TemplateSection(
                            "supporting-information",
                            "Supporting information",
                            NARRATIVE,
                            false,
                            "Links to dashboards, chat threads, tickets, related incidents.")),
            0);

    public boolean builtIn() {
        return id == null;
    }

    /** The severities as text, e.g. {@code SEV1, SEV2}; empty when chosen by hand only. */
    public String severityLabels() {
        return String.join(", ", severities.stream().map(s -> "SEV" + s).toList());
    }
}
