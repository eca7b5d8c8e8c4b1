package dev.hindsight.postmortem;

import static dev.hindsight.postmortem.MarkdownRenderer.escape;

import dev.hindsight.actions.ActionItem;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.FactorKind;
import dev.hindsight.analysis.FishboneAnalysis;
import dev.hindsight.analysis.FiveWhys;
import dev.hindsight.analysis.FiveWhysAnalysis;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.analysis.WhyNode;
import dev.hindsight.faulttrees.FaultTrees;
import dev.hindsight.incident.Impact;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.KeyTimes;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.Durations;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Assembles the live blocks from the incident's current data, as Markdown (and SVG for diagrams). */
@Component
class LiveBlocks {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final RootCauseAnalysis analysis;
    private final FiveWhysAnalysis fiveWhys;
    private final FishboneAnalysis fishbones;
    private final FaultTrees faultTrees;
    private final ActionItems actions;
    private final TimelineBlock timeline;

    LiveBlocks(
            RootCauseAnalysis analysis,
            FiveWhysAnalysis fiveWhys,
            FishboneAnalysis fishbones,
            FaultTrees faultTrees,
            ActionItems actions,
            TimelineBlock timeline) {
        this.analysis = analysis;
        this.fiveWhys = fiveWhys;
        this.fishbones = fishbones;
        this.faultTrees = faultTrees;
        this.actions = actions;
        this.timeline = timeline;
    }

    String markdown(Actor actor, Incident incident, SectionKind kind) {
        return switch (kind) {
            case NARRATIVE -> "";
            case SUMMARY -> or(incident.summary(), "_No summary yet._");
            case IMPACT -> impact(incident);
            case KEY_TIMES -> keyTimes(incident.keyTimes());
            case TIMELINE -> timeline(actor, incident);
            case ROOT_CAUSES -> rootCauses(actor, incident);
            case FIVE_WHYS -> fiveWhys(actor, incident);
            case DIAGRAMS -> diagramList(actor, incident);
            case ACTION_ITEMS -> actions(actor, incident);
        };
    }

    List<RenderedPostmortem.Diagram> diagrams(Actor actor, Incident incident) {
        List<RenderedPostmortem.Diagram> diagrams = new ArrayList<>();
        for (var f : fishbones.of(actor, incident.id())) {
            diagrams.add(new RenderedPostmortem.Diagram(
                    "Fishbone: " + f.effect(), fishbones.svg(actor, incident.id(), f.id())));
        }
        for (var t : faultTrees.list(actor, incident.id())) {
            diagrams.add(new RenderedPostmortem.Diagram(
                    "Fault tree: " + t.name(), faultTrees.svg(actor, incident.id(), t.id())));
        }
        return diagrams;
    }

    private static String impact(Incident incident) {
        Impact impact = incident.impact();
        StringBuilder md = new StringBuilder();
        md.append(or(impact.description(), "_Impact not described yet._")).append("\n\n");
        if (impact.usersAffected() != null) {
            md.append("- Users affected: ").append(impact.usersAffected()).append('\n');
        }
        if (impact.errorBudgetConsumed() != null) {
            md.append("- Error budget consumed: ")
                    .append(impact.errorBudgetConsumed())
                    .append(" %\n");
        }
        if (!incident.services().isEmpty()) {
            md.append("- Services: ")
                    .append(incident.serviceNames().stream()
                            .map(MarkdownRenderer::escape)
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        md.append("- Severity: ").append(incident.severity().label()).append('\n');
        return md.toString().strip();
    }

    static String keyTimes(KeyTimes t) {
        StringBuilder md = new StringBuilder("| Moment | Time |\n| --- | --- |\n");
        row(md, "Started", t.startedAt());
        row(md, "Detected", t.detectedAt());
        row(md, "Acknowledged", t.acknowledgedAt());
        row(md, "Mitigated", t.mitigatedAt());
        row(md, "Resolved", t.resolvedAt());
        md.append("\n| Measure | Duration |\n| --- | --- |\n");
        md.append("| Time to detect (TTD) | ")
                .append(Durations.human(t.timeToDetect()))
                .append(" |\n");
        md.append("| Time to acknowledge (TTA) | ")
                .append(Durations.human(t.timeToAcknowledge()))
                .append(" |\n");
        md.append("| Time to mitigate (TTM) | ")
                .append(Durations.human(t.timeToMitigate()))
                .append(" |\n");
        md.append("| Time to resolve (TTR) | ")
                .append(Durations.human(t.timeToResolve()))
                .append(" |");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, OffsetDateTime time) {
        md.append("| ").append(name).append(" | ").append(time(time)).append(" |\n");
    }

    static String time(OffsetDateTime time) {
        return time == null ? "—" : TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private String timeline(Actor actor, Incident incident) {
        List<TimelineBlock.Moment> moments = timeline.momentsOf(actor, incident);
        if (moments.isEmpty()) {
            return "_No timeline yet._";
        }
        return moments.stream()
                .map(m -> "- **" + time(m.at()) + "** " + escape(m.text()))
                .collect(Collectors.joining("\n"));
    }

    private String rootCauses(Actor actor, Incident incident) {
        List<ContributingFactor> factors = analysis.factorsOf(actor, incident.id());
        if (factors.isEmpty()) {
            return "_No root causes or contributing factors recorded yet._";
        }
        StringBuilder md = new StringBuilder();
        for (FactorKind kind : FactorKind.values()) {
            List<ContributingFactor> ofKind =
                    factors.stream().filter(f -> f.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            md.append("**")
                    .append(kind == FactorKind.ROOT_CAUSE ? "Root causes" : "Contributing factors")
                    .append("**\n\n");
            for (ContributingFactor f : ofKind) {
                md.append("- ")
                        .append(escape(f.title()))
                        .append(" (")
                        .append(escape(f.category()))
                        .append(")");
                if (f.description() != null && !f.description().isBlank()) {
                    md.append(": ").append(escape(f.description()));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        return md.toString().strip();
    }

    private String fiveWhys(Actor actor, Incident incident) {
        List<FiveWhys> all = fiveWhys.of(actor, incident.id());
        if (all.isEmpty()) {
            return "_No Five Whys yet._";
        }
        StringBuilder md = new StringBuilder();
        for (FiveWhys w : all) {
            md.append("**").append(escape(w.problem())).append("**\n\n");
            for (List<WhyNode> chain : w.chains()) {
                md.append("- ")
                        .append(chain.stream()
                                .map(n -> escape(n.text()) + (n.marked() ? " _(factor)_" : ""))
                                .collect(Collectors.joining(" → ")))
                        .append('\n');
            }
            md.append('\n');
        }
        return md.toString().strip();
    }

    private String diagramList(Actor actor, Incident incident) {
        List<String> names = new ArrayList<>();
        fishbones.of(actor, incident.id()).forEach(f -> names.add("- Fishbone: " + escape(f.effect())));
        faultTrees.list(actor, incident.id()).forEach(t -> names.add("- Fault tree: " + escape(t.name())));
        return names.isEmpty() ? "_No diagrams yet._" : String.join("\n", names);
    }

    private String actions(Actor actor, Incident incident) {
        List<ActionItem> items = actions.actionsOf(actor, incident.id());
        if (items.isEmpty()) {
            return "_No action items yet._";
        }
        StringBuilder md =
                new StringBuilder("| Action | Priority | Owner | Due | Status |\n| --- | --- | --- | --- | --- |\n");
        for (ActionItem a : items) {
            md.append("| ")
                    .append(a.key())
                    .append(' ')
                    .append(escape(a.title()))
                    .append(" | ")
                    .append(a.priority().label())
                    .append(" | ")
                    .append(a.ownerName() == null ? "—" : escape(a.ownerName()))
                    .append(" | ")
                    .append(a.dueDate() == null ? "—" : a.dueDate().toString())
                    .append(" | ")
                    .append(a.status().label())
                    .append(" |\n");
        }
        return md.toString().strip();
    }

    private static String or(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text.strip();
    }
}
