package dev.hindsight.engines.blameless;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks postmortem prose for blaming and hindsight language. Thread-safe and stateless apart from the participant
 * names given at construction; a page of text is checked in well under a millisecond after warm-up.
 *
 * <p>Markdown is accepted: fenced code blocks, inline code spans, URLs, link targets, HTML comments, block quotes,
 * text in double quotes and log lines (lines starting with a log level, optionally after a timestamp) are not checked.
 *
 * <p>A "should have" or "failed to" whose subject is a system ("the health check should have marked the node
 * unhealthy", "the job failed to start") describes expected behaviour and is not reported; the same words with a
 * person, a role, a team or an @handle as subject are. "We" and "I" are treated as collective ownership: reported
 * for forgetting, counterfactuals and judgement words, but not for plain descriptions of actions ("we did not test
 * the failover path"). Passive sentences are reported only when they name a person as the agent ("... was deleted by
 * Bob").
 */
public final class BlamelessChecker {

    private final Analyzer analyzer;

    private BlamelessChecker(Collection<String> knownNames) {
        this.analyzer = new Analyzer(knownNames);
    }

    /**
     * A checker that also recognises the given participants (given names, full names or @handles, any case).
     *
     * @param knownNames names or handles of the incident's participants; never null, may be empty; blank entries
     *     are ignored
     * @return a checker; never null
     * @throws NullPointerException when {@code knownNames} is null
     */
    public static BlamelessChecker withKnownNames(Collection<String> knownNames) {
        Objects.requireNonNull(knownNames, "knownNames");
        return new BlamelessChecker(
                List.copyOf(knownNames.stream().filter(Objects::nonNull).toList()));
    }

    /**
     * Finds blaming and hindsight language in {@code text}.
     *
     * @param text the narrative, plain text or Markdown; never null
     * @return the findings ordered by start offset, non-overlapping; never null, empty when the text is clean
     * @throws NullPointerException when {@code text} is null
     */
    public List<Finding> check(String text) {
        Objects.requireNonNull(text, "text");
        return List.copyOf(analyzer.analyse(text));
    }

    /**
     * Shorthand for {@code withKnownNames(knownNames).check(text)}.
     *
     * @param text the narrative, plain text or Markdown; never null
     * @param knownNames names or @handles of the incident's participants; never null, may be empty
     * @return the findings ordered by start offset, non-overlapping; never null
     * @throws NullPointerException when an argument is null
     */
    public static List<Finding> check(String text, Set<String> knownNames) {
        return withKnownNames(knownNames).check(text);
    }
}
