package dev.hindsight.engines.blameless;

import static dev.hindsight.engines.blameless.Lexicon.*;

import dev.hindsight.engines.blameless.Text.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Finds blaming and hindsight language sentence by sentence. */
final class Analyzer {

    /** What the subject of a verb refers to. */
    enum Kind {
        PERSON,
        COLLECTIVE,
        SYSTEM,
        AFFECTED,
        UNKNOWN,
        NONE
    }

    /** The subject noun phrase: token indices {@code from..to} inclusive, or -1 when there is none. */
    record Subject(Kind kind, int from, int to) {
        static final Subject NONE = new Subject(Kind.NONE, -1, -1);

        boolean personLike() {
            return kind == Kind.PERSON;
        }

        boolean unknownOrNone() {
            return kind == Kind.UNKNOWN || kind == Kind.NONE;
        }
    }

    private static final Set<String> COLLECTIVE_PRONOUNS = words("we us i me");
    private static final Set<String> BE = words("was were is are be been being am get gets got getting");
    private static final Set<String> CLAUSE_LINKS = words("and or then but");
    private static final Set<String> OBJECT_STOPS = words("""
            because since when whenever while after before which so and but until as without despite although
            though if unless during once where who that
            """);
    private static final Set<String> MITIGATION_VERBS =
            words("mitigate recover restore unblock free fix stop resolve clear reduce relieve reclaim recover");
    private static final Set<String> HINDSIGHT_PARTICIPLES =
            words("known seen realized realised anticipated foreseen expected predicted");
    private static final Map<String, String> IRREGULAR_BASE = Map.ofEntries(
            Map.entry("read", "read"),
            Map.entry("saw", "see"),
            Map.entry("thought", "think"),
            Map.entry("caught", "catch"),
            Map.entry("told", "tell"),
            Map.entry("ran", "run"),
            Map.entry("paid", "pay"),
            Map.entry("understood", "understand"),
            Map.entry("foresaw", "foresee"),
            Map.entry("knew", "know"),
            Map.entry("acked", "ack"));
    private static final Map<String, String> PARTICIPLES = Map.ofEntries(
            Map.entry("run", "run"),
            Map.entry("ran", "run"),
            Map.entry("read", "read"),
            Map.entry("see", "seen"),
            Map.entry("saw", "seen"),
            Map.entry("do", "done"),
            Map.entry("write", "written"),
            Map.entry("wrote", "written"),
            Map.entry("take", "taken"),
            Map.entry("took", "taken"),
            Map.entry("give", "given"),
            Map.entry("tell", "told"),
            Map.entry("send", "sent"),
            Map.entry("set", "set"),
            Map.entry("put", "put"),
            Map.entry("make", "made"),
            Map.entry("made", "made"),
            Map.entry("catch", "caught"),
            Map.entry("think", "thought"),
            Map.entry("understand", "understood"),
            Map.entry("pay", "paid"),
            Map.entry("break", "broken"),
            Map.entry("broke", "broken"),
            Map.entry("drop", "dropped"),
            Map.entry("stop", "stopped"),
            Map.entry("ship", "shipped"),
            Map.entry("commit", "committed"),
            Map.entry("submit", "submitted"),
            Map.entry("plan", "planned"),
            Map.entry("tag", "tagged"),
            Map.entry("log", "logged"),
            Map.entry("ack", "acknowledged"),
            Map.entry("forget", "forgotten"),
            Map.entry("forgot", "forgotten"),
            Map.entry("keep", "kept"),
            Map.entry("know", "known"),
            Map.entry("spot", "spotted"),
            Map.entry("overwrote", "overwritten"),
            Map.entry("misread", "misread"),
            Map.entry("misunderstood", "misunderstood"),
            Map.entry("blew", "blown"),
            Map.entry("brought", "brought"),
            Map.entry("foresee", "foreseen"),
            Map.entry("rerun", "rerun"));

    private static final Set<String> PERSONAL_FAILINGS =
            words("mistake mistakes error errors blunder typo negligence carelessness oversight");
    private static final Set<String> CULPRIT_VERBS =
            words("approved deleted pushed merged broke deployed caused allowed let");
    private static final Set<String> CARE_WORDS = words("careful attentive thorough diligent cautious");
    private static final Set<String> WAS_NOT = words("wasn't weren't");
    private static final Set<String> NOT_NEVER = words("not never");
    private static final Set<String> SKIPPED_STEPS = words(
            "thinking checking looking reading asking testing verifying reviewing waiting telling understanding knowing realizing realising considering");
    private static final Set<String> LIES_WITH = words("lies lay rests rested is was");
    private static final Set<String> WHY_NEGATIONS =
            words("didn't wasn't weren't hadn't couldn't don't doesn't hasn't haven't");
    private static final Set<String> NOTICING_VERBS = words("notice see spot realize realise catch");
    private static final Set<String> NP_LINKS = words("of on from in at with for");
    private static final Set<String> ARTICLES = words("the a an");
    private static final Set<String> HUMAN_SIGNALS = words(
            "alert alerts warning warnings page pages pager signs sign suggestion suggestions advice message messages"
                    + " feedback concerns report reports ticket tickets");
    private static final Set<String> PERSON_JUDGING_VERBS = words("wasted panicked winged flailed");
    private static final Set<String> LACKING_QUALITIES = words(
            "attention care diligence competence discipline rigor rigour judgement judgment ownership professionalism");
    private static final Set<String> EASY_WORDS = words("trivial easy simple obvious straightforward");
    private static final Set<String> TRIGGERS = triggers();

    private static Set<String> triggers() {
        Set<String> all = new HashSet<>();
        for (Set<String> set : List.of(
                JUDGEMENT_WORDS,
                ERROR_NOUNS,
                BLAME_WORDS,
                STRONG_OMISSIONS,
                WEAK_OMISSIONS,
                DAMAGING_VERBS,
                PHRASAL_DAMAGE,
                CARRIER_VERBS,
                MISHAP_ADVERBS,
                PASSIVE_BLAME)) {
            all.addAll(set);
        }
        all.addAll(words("""
                human-error operator-error fault responsible bothered failed fail fails failing didn't didnt never did
                hadn't had should could would shouldn't couldn't wouldn't ought if obviously obvious clearly
                preventable avoidable just simply only all why careful attentive thorough diligent cautious without
                blame responsibility asleep dropped drop known rookie no-brainer not wasn't weren't who mistake
                mistakes error errors blunder typo negligence carelessness oversight nobody one accountable wasted
                panicked winged flailed lack trivial easy simple straightforward
                """));
        return Set.copyOf(all);
    }

    private final Set<String> knownTokens = new HashSet<>();
    private final List<List<String>> knownPhrases = new ArrayList<>();

    Analyzer(Collection<String> knownNames) {
        for (String name : knownNames) {
            if (name == null || name.isBlank()) {
                continue;
            }
            String[] parts = name.trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (parts.length == 1) {
                String single = parts[0];
                knownTokens.add(single);
                knownTokens.add(single.startsWith("@") ? single.substring(1) : "@" + single);
            } else {
                knownPhrases.add(List.of(parts));
                knownTokens.add(parts[0]);
            }
        }
    }

    List<Finding> analyse(String text) {
        char[] masked = Text.mask(text);
        List<Finding> findings = new ArrayList<>();
        for (List<Token> sentence : Text.sentences(text, masked)) {
            new SentenceScan(text, sentence, findings).run();
        }
        findings.sort(Comparator.comparingInt(Finding::start).thenComparing(f -> -(f.end() - f.start())));
        List<Finding> kept = new ArrayList<>();
        int reach = -1;
        for (Finding f : findings) {
            if (f.start() >= reach) {
                kept.add(f);
                reach = f.end();
            }
        }
        return kept;
    }

    /** The rules applied to one sentence. */
    private final class SentenceScan {
        private final String original;
        private final List<Token> s;
        private final List<Finding> out;

        SentenceScan(String original, List<Token> sentence, List<Finding> out) {
            this.original = original;
            this.s = sentence;
            this.out = out;
        }

        void run() {
            for (int i = 0; i < s.size(); i++) {
                if (s.get(i).word()) {
                    scan(i, s.get(i).lower());
                }
            }
        }

        private String w(int i) {
            return i >= 0 && i < s.size() ? s.get(i).lower() : "";
        }

        private void scan(int i, String w) {
            if (!TRIGGERS.contains(w) && !w.endsWith("'ve") && !w(i + 1).equals("by")) {
                return;
            }
            if (JUDGEMENT_WORDS.contains(w)) {
                judgementWord(i, w);
            }
            if ((ERROR_NOUNS.contains(w) && ERROR_QUALIFIERS.contains(w(i - 1)))
                    || w.equals("human-error")
                    || w.equals("operator-error")) {
                int from = w.contains("-") ? i : i - 1;
                if (!negated(from, 4)) {
                    add(
                            Rule.JUDGEMENT,
                            from,
                            i,
                            "\"" + text(from, i) + "\" ends the analysis instead of starting it: it names a person as"
                                    + " the cause without saying what made the error easy to make.",
                            "Name the gap instead, e.g. \"the CLI accepted a production target without"
                                    + " confirmation\" or \"the runbook step was ambiguous\".");
                }
            }
            if (BLAME_WORDS.contains(w)) {
                blameWord(i);
            }
            if (w.equals("fault")) {
                fault(i);
            }
            if (w.equals("responsible") && w(i + 1).equals("for")) {
                for (int k = i + 2; k < Math.min(s.size(), i + 6); k++) {
                    if (INCIDENT_NOUNS.contains(w(k))) {
                        Subject subject = subjectBefore(i);
                        if (subject.personLike()) {
                            add(Rule.BLAME_WORD, subject.from(), k, blameReason(), blameSuggestion());
                        }
                        break;
                    }
                }
            }
            if (STRONG_OMISSIONS.contains(w) && !passive(i)) {
                Subject subject = subjectBefore(i);
                if ((subject.kind() != Kind.SYSTEM && subject.kind() != Kind.AFFECTED) || initialName(subject)) {
                    omission(subject, i, objectVerbAfter(i));
                }
            }
            if (w.equals("bothered") && w(i - 1).equals("be")) {
                omission(subjectBefore(i), i, -1);
            } else if (w.equals("bothered") && w(i + 1).equals("to")) {
                Subject subject = subjectBefore(i);
                if (subject.personLike() || isNobody(subject)) {
                    omission(subject, i, skipAdverbs(i + 2));
                }
            }
            if (PERSONAL_FAILINGS.contains(w)
                    && i > 0
                    && (possessivePerson(i - 1)
                            || (w(i - 1).endsWith("'s")
                                    && nameLike(s.get(i - 1))
                                    && !TECH_TERMS.contains(stripPossessive(w(i - 1)))))
                    && !negated(i - 1, 4)) {
                add(
                        Rule.PERSON_AS_CAUSE,
                        i - 1,
                        i,
                        "Attributes the failure to a person (\"" + text(i - 1, i) + "\").",
                        "Describe the action and what made it easy to get wrong, e.g. \"the form accepted an"
                                + " invalid value without validation\".");
            }
            if ((w.equals("failed") || w.equals("fail") || w.equals("fails") || w.equals("failing"))
                    && w(i + 1).equals("to")) {
                int v = skipAdverbs(i + 2);
                Subject subject = subjectBefore(i);
                boolean cognitive = COGNITIVE_VERBS.contains(w(v));
                if (subject.personLike()
                        || (subject.kind() == Kind.COLLECTIVE && cognitive)
                        || (subject.unknownOrNone() && cognitive)) {
                    omission(subject, i, v);
                }
            }
            negatedHumanVerb(i, w);
            if (WEAK_OMISSIONS.contains(w) && !passive(i)) {
                Subject subject = subjectBefore(i);
                Subject object = subjectAfter(i + 1);
                boolean humanSignal = object.kind() != Kind.NONE && HUMAN_SIGNALS.contains(w(object.to()));
                if (subject.personLike() || (humanSignal && (subject.unknownOrNone() || initialName(subject)))) {
                    omission(subject, i, i);
                }
            }
            if (isNobody(new Subject(Kind.PERSON, i, i))
                    && (PAST_HUMAN_VERBS.contains(w(i + 1))
                            || w(i + 1).equals("acted")
                            || w(i + 1).equals("reacted")
                            || (w(i + 1).equals("did") && w(i + 2).equals("anything")))) {
                int from = w(i).equals("one") ? i - 1 : i;
                int to = w(i + 1).equals("did") ? i + 2 : i + 1;
                add(
                        Rule.OMISSION,
                        from,
                        to,
                        "\"" + text(from, to) + "\" describes people by what they did not do; it invites blame"
                                + " and hides why acting was hard.",
                        "Describe what made acting hard or unclear, e.g. \"the alert had no owner and no runbook\".");
            }
            if (DAMAGING_VERBS.contains(w) && !passive(i) && !mitigation(i)) {
                Subject subject = subjectBefore(i);
                if (subject.personLike()) {
                    cause(subject, i, i);
                }
            }
            if (PHRASAL_DAMAGE.contains(w)) {
                for (int k = i + 1; k < Math.min(s.size(), i + 4); k++) {
                    if (DAMAGE_PARTICLES.contains(w(k))) {
                        Subject subject = subjectBefore(i);
                        if (subject.personLike()) {
                            cause(subject, i, k);
                        }
                        break;
                    }
                    if (!s.get(k).word()) {
                        break;
                    }
                }
            }
            if (CARRIER_VERBS.contains(w)) {
                for (int k = i + 1; k < Math.min(s.size(), i + 4); k++) {
                    if (BAD_ADJECTIVES.contains(w(k))) {
                        Subject subject = subjectBefore(i);
                        if (subject.personLike()) {
                            int last = k + 1 < s.size() && nominal(s.get(k + 1)) ? k + 1 : k;
                            int from = start(subject, i);
                            String thing = capitalise(text(i + 1, last));
                            if (POSSESSIVES.contains(w(i + 1))) {
                                thing = "The" + thing.substring(w(i + 1).length());
                            }
                            add(
                                    Rule.PERSON_AS_CAUSE,
                                    from,
                                    last,
                                    "Makes a person the cause of the failure (\"" + text(from, last) + "\"); a"
                                            + " blameless review describes what the system allowed.",
                                    thing + " was " + participleOf(w) + "; describe what allowed it through, e.g."
                                            + " \"the pipeline did not validate it before it reached production\".");
                        }
                        break;
                    }
                    if (!s.get(k).word()) {
                        break;
                    }
                }
            }
            if (MISHAP_ADVERBS.contains(w)) {
                Subject subject = subjectBefore(i);
                if (subject.personLike()) {
                    int verb = Math.min(i + 1, s.size() - 1);
                    cause(subject, i, s.get(verb).word() ? verb : i);
                }
            }
            if (passive(i) && !PASSIVE_BLAME.contains(w) && w(i + 1).equals("by")) {
                Subject agent = subjectAfter(i + 2);
                if (agent.personLike() && w(agent.to() + 1).equals("without")) {
                    int end = Math.min(s.size() - 1, agent.to() + 3);
                    while (end > agent.to() + 1 && !s.get(end).word()) {
                        end--;
                    }
                    add(
                            Rule.PERSON_AS_CAUSE,
                            i,
                            end,
                            "Names a person as the agent of a risky action (\"" + text(i, end) + "\").",
                            "Describe what the process allowed, e.g. \"the change was deployed without review;"
                                    + " the pipeline did not require an approval\".");
                }
            }
            if (PASSIVE_BLAME.contains(w) && passive(i)) {
                int by = w(i + 1).equals("by") ? i + 1 : w(i + 2).equals("by") ? i + 2 : -1;
                if (by > 0) {
                    Subject agent = subjectAfter(by + 1);
                    if (agent.personLike()) {
                        Rule rule = WEAK_OMISSIONS.contains(w) || STRONG_OMISSIONS.contains(w) || w.equals("forgotten")
                                ? Rule.OMISSION
                                : Rule.PERSON_AS_CAUSE;
                        add(
                                rule,
                                i,
                                agent.to(),
                                "Names a person as the agent of the failure (\"" + text(i, agent.to()) + "\").",
                                "Drop the agent and describe the conditions, e.g. \"" + capitalise(subjectText(i))
                                        + " was " + w + "; the tooling did not prevent or flag it\".");
                    }
                }
            }
            modal(i, w);
            if (w.equals("if") && w(i + 1).equals("only")) {
                add(
                        Rule.COUNTERFACTUAL,
                        i,
                        i + 1,
                        "\"If only\" is a counterfactual: it judges the past with knowledge gained afterwards.",
                        "Describe what was known at the time and turn the wish into an action item for the"
                                + " system.");
            }
            if (w.equals("if") || (w.equals("had") && clauseStart(i))) {
                conditional(i, w);
            }
            if (w.equals("obviously") || w.equals("obvious")) {
                if (!negated(i, 3) && !w(i - 1).equals("far") && !w(i - 2).equals("far")) {
                    add(
                            Rule.HINDSIGHT,
                            i,
                            i,
                            "\"" + s.get(i).text() + "\" is hindsight bias: what is obvious after the outcome was"
                                    + " not obvious to the people involved at the time.",
                            "Drop the word and describe which signals were available and why they were easy to"
                                    + " miss.");
                }
            }
            if (w.equals("clearly")) {
                for (int k = i + 1; k < Math.min(s.size(), i + 4); k++) {
                    String x = w(k);
                    if (x.startsWith("should")
                            || x.equals("didn't")
                            || (x.equals("did") && w(k + 1).equals("not"))
                            || x.equals("ought")
                            || x.equals("wrong")
                            || x.equals("mistake")
                            || JUDGEMENT_WORDS.contains(x)) {
                        add(
                                Rule.HINDSIGHT,
                                i,
                                k,
                                "\"" + text(i, k) + "\" presents a past decision as plainly wrong, which is only"
                                        + " clear in hindsight.",
                                "Describe the decision, the information available when it was made, and why it"
                                        + " made sense then.");
                        break;
                    }
                }
            }
            if ((w.equals("preventable") || w.equals("avoidable")) && !negated(i, 3)) {
                add(
                        Rule.HINDSIGHT,
                        i,
                        i,
                        "Calling the failure \"" + w + "\" judges it from hindsight.",
                        "Name the safeguard that was missing, e.g. \"a pre-deploy check would detect this"
                                + " class of change\".");
            }
            if ((w.equals("just") || w.equals("simply") || w.equals("only"))
                    && (w(i + 1).equals("had") || w(i + 1).equals("needed"))
                    && w(i + 2).equals("to")) {
                Subject subject = subjectBefore(i);
                if (subject.personLike() || subject.kind() == Kind.COLLECTIVE) {
                    add(Rule.HINDSIGHT, start(subject, i), i + 2, minimisingReason(), minimisingSuggestion());
                }
            }
            if (w.equals("all")
                    && (w(i + 2).equals("had") || w(i + 2).equals("needed"))
                    && w(i + 3).equals("to")
                    && isPersonWord(i + 1)) {
                add(Rule.HINDSIGHT, i, i + 3, minimisingReason(), minimisingSuggestion());
            }
            if (w.equals("why")) {
                why(i);
            }
            idiom(i);
            if (EASY_WORDS.contains(w) && w(i + 1).equals("for")) {
                Subject who = subjectAfter(i + 2);
                if ((who.personLike() || who.kind() == Kind.COLLECTIVE)
                        && w(who.to() + 1).equals("to")) {
                    int end = Math.min(s.size() - 1, who.to() + 2);
                    add(
                            Rule.HINDSIGHT,
                            i,
                            end,
                            "\"" + text(i, end) + "\" says the right action was easy, which is only clear in"
                                    + " hindsight.",
                            "Describe what made the problem hard to see at the time, e.g. \"the password was in a"
                                    + " generated file that the diff collapsed\".");
                }
            }
            personJudgements(i, w);
            if (w.equals("who") && clauseStart(i) && CULPRIT_VERBS.contains(w(i + 1))) {
                add(
                        Rule.BLAME_WORD,
                        i,
                        i + 1,
                        "\"" + text(i, i + 1) + " ...\" looks for a culprit rather than for the conditions that"
                                + " allowed the action.",
                        "Ask what allowed it instead, e.g. \"What in the process allowed a deploy on the last day"
                                + " before the holidays?\"");
            }
            if (CARE_WORDS.contains(w)
                    && (WAS_NOT.contains(w(i - 1)) || (NOT_NEVER.contains(w(i - 1)) && BE.contains(w(i - 2))))) {
                Subject subject = subjectBefore(i - 1);
                if (subject.personLike() || initialName(subject)) {
                    add(
                            Rule.JUDGEMENT,
                            start(subject, i - 1),
                            i,
                            "\"" + text(start(subject, i - 1), i) + "\" judges a person's care instead of"
                                    + " describing what made the action risky.",
                            "Describe what the person saw and what the tooling allowed, e.g. \"the command"
                                    + " ran without a confirmation step\".");
                }
            }
            if (w.equals("without") && SKIPPED_STEPS.contains(w(i + 1))) {
                Subject subject = clauseSubject(i - 1);
                if (subject.personLike() || initialName(subject)) {
                    add(
                            Rule.OMISSION,
                            subject.from(),
                            i + 1,
                            "Describes a person by what they did not do (\"" + text(i, i + 1) + "\"), which"
                                    + " invites blame.",
                            "Describe what in the tooling or process would have prompted the step, e.g. \"the"
                                    + " command did not show its target before running\".");
                }
            }
            if ((w.equals("fault") || w.equals("blame") || w.equals("responsibility"))
                    && LIES_WITH.contains(w(i + 1))
                    && w(i + 2).equals("with")
                    && !negated(i, 5)) {
                Subject target = subjectAfter(i + 3);
                if (target.personLike() || target.kind() == Kind.COLLECTIVE) {
                    add(Rule.BLAME_WORD, i, target.to(), blameReason(), blameSuggestion());
                }
            }
        }

        private static final List<List<String>> IDIOMS = List.of(
                List.of("asleep", "at", "the", "wheel"),
                List.of("dropped", "the", "ball"),
                List.of("drop", "the", "ball"),
                List.of("should", "know", "better"),
                List.of("known", "better"),
                List.of("rookie", "mistake"),
                List.of("no-brainer"),
                List.of("not", "paying", "attention"),
                List.of("wasn't", "paying", "attention"),
                List.of("weren't", "paying", "attention"));

        private void personJudgements(int i, String w) {
            String reason = "\"%s\" judges a person instead of describing the conditions they worked in.";
            String suggestion = "Describe what the person saw, what the tooling showed and why the action made sense"
                    + " at the time.";
            if (w.equals("accountable") && !negated(i, 4)) {
                add(
                        Rule.BLAME_WORD,
                        i,
                        i,
                        "\"" + s.get(i).text() + "\" looks for someone to hold responsible; a postmortem looks for"
                                + " contributing factors.",
                        "Describe who will own the follow-up action items instead, e.g. \"Owner: platform team\".");
            }
            if (PERSON_JUDGING_VERBS.contains(w)) {
                Subject subject = subjectBefore(i);
                if (subject.personLike() || initialName(subject)) {
                    int from = start(subject, i);
                    add(Rule.JUDGEMENT, from, i, reason.formatted(text(from, i)), suggestion);
                }
            }
            if (w.equals("lack") && w(i + 1).equals("of") && LACKING_QUALITIES.contains(w(i + 2)) && !negated(i, 3)) {
                add(Rule.JUDGEMENT, i, i + 2, reason.formatted(text(i, i + 2)), suggestion);
            }
            if (w.equals("not") && isPersonWord(i - 1) && w(i + 1).endsWith("ing")) {
                String stem = w(i + 1).substring(0, w(i + 1).length() - 3);
                if (HUMAN_VERBS.contains(stem) || HUMAN_VERBS.contains(stem + "e")) {
                    omission(subjectBefore(i), i, i + 1);
                }
            }
        }

        private void idiom(int i) {
            for (List<String> idiom : IDIOMS) {
                int last = i + idiom.size() - 1;
                boolean all = last < s.size();
                for (int k = 0; k < idiom.size() && all; k++) {
                    all = w(i + k).equals(idiom.get(k));
                }
                if (all) {
                    add(
                            Rule.JUDGEMENT,
                            i,
                            last,
                            "\"" + text(i, last) + "\" judges a person's attention or competence; it explains"
                                    + " nothing about why the failure happened.",
                            "Describe the conditions instead: workload, the signals available, and what the tooling"
                                    + " made easy or hard.");
                }
            }
        }

        private void judgementWord(int i, String w) {
            if (w.startsWith("lazi") || w.equals("lazy")) {
                if (LAZY_TECH.contains(w(i + 1))
                        || LAZY_TECH.contains(w(i - 1))
                        || (w.equals("lazily") && AUX.contains(w(i - 1)))) {
                    return;
                }
            }
            if (negated(i, 3)) {
                return;
            }
            add(
                    Rule.JUDGEMENT,
                    i,
                    i,
                    "\"" + s.get(i).text() + "\" judges a person's character or competence; it explains nothing"
                            + " about why the failure happened.",
                    "Describe the conditions instead: what the person saw, what the tooling allowed, and why the"
                            + " action made sense at the time.");
        }

        private void blameWord(int i) {
            if (w(i - 1).equals("git") || negated(i, 5)) {
                return;
            }
            if (w(i - 1).equals("to")) {
                Subject subject = subjectBefore(i - 1);
                if (subject.kind() == Kind.SYSTEM) {
                    return;
                }
            }
            add(Rule.BLAME_WORD, i, i, blameReason(), blameSuggestion());
        }

        private boolean initialName(Subject subject) {
            return subject.kind() == Kind.SYSTEM && subject.from() == 0 && subject.to() == 0 && nameLike(s.get(0));
        }

        private boolean possessivePerson(int k) {
            String x = w(k);
            return (POSSESSIVES.contains(x) && !x.equals("our") && !x.equals("my"))
                    || ((x.endsWith("'s") || x.endsWith("s'")) && isPersonWord(k));
        }

        private void fault(int i) {
            if (negated(i, 5)) {
                return;
            }
            if (w(i - 1).equals("at")) {
                Subject subject = subjectBefore(i - 1);
                if (subject.kind() != Kind.SYSTEM) {
                    add(Rule.BLAME_WORD, start(subject, i - 1), i, blameReason(), blameSuggestion());
                }
            } else if (w(i + 1).equals("of")) {
                Subject target = subjectAfter(i + 2);
                if (target.personLike() || target.kind() == Kind.COLLECTIVE) {
                    add(Rule.BLAME_WORD, i, target.to(), blameReason(), blameSuggestion());
                }
            } else if (i > 0) {
                String p = w(i - 1);
                if (POSSESSIVES.contains(p) || ((p.endsWith("'s") || p.endsWith("s'")) && isPersonWord(i - 1))) {
                    add(Rule.BLAME_WORD, i - 1, i, blameReason(), blameSuggestion());
                }
            }
        }

        private void negatedHumanVerb(int i, String w) {
            int v;
            boolean pastForm;
            if (w.equals("didn't") || w.equals("didnt") || w.equals("never")) {
                v = i + 1;
                pastForm = w.equals("never");
            } else if (w.equals("did") && w(i + 1).equals("not")) {
                v = i + 2;
                pastForm = false;
            } else if (w.equals("hadn't") || (w.equals("had") && w(i + 1).equals("not"))) {
                v = w.equals("had") ? i + 2 : i + 1;
                pastForm = true;
            } else {
                return;
            }
            v = skipAdverbs(v);
            String verb = w(v);
            String base = pastForm ? base(verb) : verb;
            if (base == null || !HUMAN_VERBS.contains(base)) {
                return;
            }
            if (!pastForm && !HUMAN_VERBS.contains(verb)) {
                return;
            }
            Subject subject = subjectBefore(i);
            if (subject.personLike() || (subject.unknownOrNone() && COGNITIVE_VERBS.contains(base))) {
                omission(subject, i, v);
            }
        }

        private void modal(int i, String w) {
            int have;
            boolean negative = false;
            String modal;
            if (w.endsWith("'ve")) {
                modal = w.substring(0, w.length() - 3);
                have = i;
            } else if (w.equals("should") || w.equals("could") || w.equals("would")) {
                modal = w;
                if (w(i + 1).equals("have")) {
                    have = i + 1;
                } else if (w(i + 1).equals("not") && w(i + 2).equals("have")) {
                    have = i + 2;
                    negative = true;
                } else if (w(i + 1).equals("never") && w(i + 2).equals("have")) {
                    have = i + 2;
                    negative = true;
                } else if (w(i + 2).equals("have")
                        && s.get(i + 1).word()
                        && s.get(i + 1).lower().endsWith("ly")) {
                    have = i + 2;
                } else {
                    return;
                }
            } else if (w.equals("shouldn't") || w.equals("couldn't") || w.equals("wouldn't")) {
                modal = w.substring(0, w.length() - 3);
                negative = true;
                if (!w(i + 1).equals("have")) {
                    return;
                }
                have = i + 1;
            } else if (w.equals("ought") && w(i + 1).equals("to") && w(i + 2).equals("have")) {
                modal = "should";
                have = i + 2;
            } else {
                return;
            }
            if (modal.startsWith("shouldn")) {
                modal = "should";
            }
            if (!modal.equals("should") && !modal.equals("could") && !modal.equals("would")) {
                return;
            }
            if (negative && !modal.equals("should")) {
                return;
            }
            int p = skipAdverbs(have + 1);
            boolean passive = false;
            if (w(p).equals("been")) {
                passive = true;
                p = skipAdverbs(p + 1);
            }
            String participle = w(p);
            if (participle.isEmpty() || !s.get(p).word()) {
                return;
            }
            Subject subject = subjectBefore(i);
            if (isNobody(subject)) {
                return;
            }
            boolean hindsight = HINDSIGHT_PARTICIPLES.contains(participle)
                    || (participle.equals("been") && w(p + 1).equals("obvious"));
            Rule rule = hindsight ? Rule.HINDSIGHT : Rule.COUNTERFACTUAL;
            boolean flag;
            if (passive && subject.personLike()) {
                boolean personIsPatient = participle.endsWith("ed")
                        || participle.endsWith("en")
                        || PARTICIPLES.containsValue(participle)
                        || COGNITIVE_PARTICIPLES.contains(participle);
                flag = !personIsPatient;
            } else if (passive) {
                flag = !modal.equals("would") && COGNITIVE_PARTICIPLES.contains(participle) && !systemAgent(p + 1);
            } else if (subject.personLike()) {
                flag = true;
            } else if (subject.kind() == Kind.COLLECTIVE) {
                flag = !modal.equals("would") || COGNITIVE_PARTICIPLES.contains(participle);
            } else if (subject.unknownOrNone()) {
                flag = COGNITIVE_PARTICIPLES.contains(participle);
            } else if (initialName(subject)) {
                flag = hindsight || PAST_HUMAN_VERBS.contains(participle) || COGNITIVE_PARTICIPLES.contains(participle);
            } else {
                flag = false;
            }
            if (!flag) {
                return;
            }
            int from = subject.personLike() || subject.kind() == Kind.COLLECTIVE ? subject.from() : i;
            String phrase = text(i, p);
            String suggestion;
            String object = objectText(p + 1);
            if (!passive && object != null && !hindsight) {
                suggestion = capitalise(object) + " was not " + participleOf(participle)
                        + "; describe what was known at the time and add an action item so the system checks it"
                        + " (e.g. \"add the check to the deploy pipeline\").";
            } else {
                suggestion = "Describe what the people involved knew and saw at the time, then turn the"
                        + " counterfactual into an action item for the system.";
            }
            add(
                    rule,
                    from,
                    p,
                    "\"" + phrase + "\" is " + (hindsight ? "hindsight bias" : "a counterfactual")
                            + ": it judges a past action with knowledge that was only available afterwards.",
                    suggestion);
        }

        private void conditional(int i, String w) {
            int np = i + 1;
            Subject subject = subjectAfter(np);
            if (subject.kind() == Kind.NONE) {
                return;
            }
            int k = subject.to() + 1;
            int verb;
            if (w.equals("had")) {
                verb = skipAdverbs(k);
            } else if (w(k).equals("had") || w(k).equals("hadn't")) {
                verb = skipAdverbs(w(k + 1).equals("not") ? k + 2 : k + 1);
            } else {
                return;
            }
            String v = w(verb);
            boolean participle = PAST_HUMAN_VERBS.contains(v)
                    || COGNITIVE_PARTICIPLES.contains(v)
                    || (v.endsWith("ed") && !NOUNS_ENDING_IN_ED.contains(v))
                    || v.equals("been")
                    || v.equals("done")
                    || v.equals("run")
                    || v.equals("taken");
            if (!participle) {
                return;
            }
            boolean cognitive = COGNITIVE_PARTICIPLES.contains(v) || PAST_HUMAN_VERBS.contains(v);
            if (subject.personLike() || (subject.kind() == Kind.COLLECTIVE && cognitive)) {
                add(
                        Rule.COUNTERFACTUAL,
                        i,
                        verb,
                        "\"" + text(i, verb) + "\" is a counterfactual about a person's action: it imagines a"
                                + " different past instead of explaining the real one.",
                        "Describe what happened and why it made sense at the time; put the improvement in an"
                                + " action item about the system.");
            }
        }

        private void why(int i) {
            String a = w(i + 1);
            int np;
            if (WHY_NEGATIONS.contains(a)) {
                np = i + 2;
            } else if (a.equals("did") || a.equals("would") || a.equals("had")) {
                np = i + 2;
                Subject subject = subjectAfter(np);
                boolean negativeSubject = isNobody(subject);
                boolean followedByNot =
                        subject.kind() != Kind.NONE && w(subject.to() + 1).equals("not");
                if (!(negativeSubject || followedByNot || a.equals("would"))) {
                    return;
                }
            } else {
                return;
            }
            Subject subject = subjectAfter(np);
            if (subject.personLike() || subject.kind() == Kind.COLLECTIVE) {
                add(
                        Rule.HINDSIGHT,
                        i,
                        subject.to(),
                        "\"" + text(i, subject.to()) + " ...\" asks why a person did not act, which presumes"
                                + " they should have known what is clear only in hindsight.",
                        "Ask about the system instead, e.g. \"What made this signal hard to notice?\" or"
                                + " \"Why did the tooling not surface it?\"");
            }
        }

        private void omission(Subject subject, int trigger, int verb) {
            String object = verb >= 0 ? objectText(verb + 1) : null;
            String suggestion;
            String base = verb >= 0 ? base(w(verb)) : null;
            if (object != null && base != null && NOTICING_VERBS.contains(base)) {
                suggestion = capitalise(object) + " went unnoticed; describe what made it easy to miss (alert"
                        + " volume, routing, dashboards) rather than who missed it.";
            } else if (object != null && base != null && !STRONG_OMISSIONS.contains(w(verb))) {
                String participle = WEAK_OMISSIONS.contains(w(verb)) ? "acted on" : participleOf(base);
                suggestion = capitalise(object) + " was not " + participle + "; describe what in the process or"
                        + " tooling allowed that (e.g. \"the deploy process did not require or check it\").";
            } else {
                suggestion = "Describe what did not happen and what in the process or tooling allowed it (e.g. \""
                        + "the runbook did not include the step\"), without naming who.";
            }
            int from = start(subject, trigger);
            int to = Math.max(trigger, verb);
            add(
                    Rule.OMISSION,
                    from,
                    to,
                    "Describes " + (subject.personLike() ? "a person" : "someone") + " by what they did not do (\""
                            + text(from, to) + "\"): that invites blame and hides why the step was easy to"
                            + " miss.",
                    suggestion);
        }

        private void cause(Subject subject, int trigger, int last) {
            String object = objectText(last + 1);
            String verb = w(trigger);
            String suggestion;
            if (object != null && DAMAGING_VERBS.contains(verb) && !verb.equals("caused") && !verb.equals("causes")) {
                suggestion = capitalise(object) + " was " + participleOf(verb) + "; describe the command or"
                        + " change involved and what allowed it, e.g. \"the admin tool allowed this without a"
                        + " confirmation or check\".";
            } else if (object != null && (verb.equals("caused") || verb.equals("causes"))) {
                suggestion = capitalise(object) + " followed a change; describe the change and the conditions"
                        + " that let it have this effect, e.g. \"the deploy tool allowed ...\".";
            } else {
                suggestion = "Describe the action and the conditions that made it possible (e.g. \"the deploy tool"
                        + " allowed ...\"), without making a person the subject of the failure.";
            }
            int from = start(subject, trigger);
            add(
                    Rule.PERSON_AS_CAUSE,
                    from,
                    last,
                    "Makes a person the cause of the failure (\"" + text(from, last) + "\"); a blameless review"
                            + " describes what the system allowed.",
                    suggestion);
        }

        private Subject subjectBefore(int v) {
            int j = v - 1;
            while (j >= 0 && skippable(j)) {
                j--;
            }
            if (j < 0) {
                return Subject.NONE;
            }
            Token t = s.get(j);
            if (!t.word()) {
                return Subject.NONE;
            }
            String w = t.lower();
            if (w.equals("who")) {
                if (j > 0 && nominalOrPerson(j - 1)) {
                    Subject np = npEndingAt(j - 1);
                    return new Subject(Kind.PERSON, np.from(), j - 1);
                }
                return new Subject(Kind.PERSON, j, j);
            }
            if (w.equals("which") || w.equals("that")) {
                return j > 0 && nominalOrPerson(j - 1) ? npEndingAt(j - 1) : Subject.NONE;
            }
            if (isPersonWord(j)) {
                return npEndingAt(j);
            }
            if (CLAUSE_LINKS.contains(w) || verbLike(t)) {
                return clauseSubject(j - 1);
            }
            if (SUBORDINATORS.contains(w) || PREPOSITIONS.contains(w) || !nominal(t)) {
                return Subject.NONE;
            }
            Subject np = npEndingAt(j);
            for (int k = np.from() - 1; k >= Math.max(1, np.from() - 4); k--) {
                if (!s.get(k).word()) {
                    break;
                }
                if (w(k).equals("who") && nominalOrPerson(k - 1)) {
                    Subject relative = npEndingAt(k - 1);
                    return new Subject(Kind.PERSON, relative.from(), relative.to());
                }
            }
            return np;
        }

        private Subject clauseSubject(int from) {
            int k = from;
            while (k >= 0 && !clauseBoundary(k)) {
                k--;
            }
            int m = k + 1;
            while (m <= from) {
                String w = w(m);
                if (PREPOSITIONS.contains(w)) {
                    m++;
                    while (m <= from && (nominal(s.get(m)) || DETERMINERS.contains(w(m))) && !isPersonWord(m)) {
                        m++;
                    }
                    continue;
                }
                if (isPersonWord(m) || nominal(s.get(m)) || DETERMINERS.contains(w)) {
                    int e = m;
                    while (e + 1 <= from && nominalOrPerson(e + 1)) {
                        e++;
                    }
                    return npEndingAt(e);
                }
                m++;
            }
            return Subject.NONE;
        }

        private boolean clauseBoundary(int k) {
            Token t = s.get(k);
            if (!t.word()) {
                return true;
            }
            return SUBORDINATORS.contains(t.lower()) && !CLAUSE_LINKS.contains(t.lower());
        }

        private Subject npEndingAt(int j) {
            int head = j;
            int start = npStart(j);
            if (start >= 2) {
                String p = w(start - 1);
                if (NP_LINKS.contains(p) && nominalOrPerson(start - 2)) {
                    if (w(j).equals("call") && p.equals("on")) {
                        return new Subject(Kind.PERSON, npStart(start - 2), j);
                    }
                    head = start - 2;
                    start = npStart(head);
                }
            }
            return new Subject(classify(start, head), start, head);
        }

        private int npStart(int j) {
            int start = j;
            while (start - 1 >= 0) {
                int k = start - 1;
                if (DETERMINERS.contains(w(k)) || POSSESSIVES.contains(w(k))) {
                    start = k;
                    if (ARTICLES.contains(w(k))) {
                        break;
                    }
                } else if (nominalOrPerson(k)) {
                    start = k;
                } else {
                    break;
                }
            }
            return start;
        }

        private Subject subjectAfter(int k) {
            int m = k;
            while (m < s.size() && (DETERMINERS.contains(w(m)) || POSSESSIVES.contains(w(m)))) {
                if (w(m).equals("no") && w(m + 1).equals("one")) {
                    break;
                }
                m++;
            }
            if (m >= s.size() || !nominalOrPerson(m)) {
                return Subject.NONE;
            }
            int e = m;
            while (e + 1 < s.size() && nominalOrPerson(e + 1)) {
                if (isPersonWord(e) && !s.get(e + 1).capitalised()) {
                    break;
                }
                e++;
            }
            int start = npStart(e);
            return new Subject(classify(start, e), Math.min(k, start), e);
        }

        private Kind classify(int start, int head) {
            Token h = s.get(head);
            String base = stripPossessive(h.lower());
            for (int m = start; m <= head; m++) {
                if (isPersonWord(m) && !s.get(m).lower().endsWith("'s") && allCapitalised(m + 1, head)) {
                    if (COLLECTIVE_PRONOUNS.contains(s.get(m).lower())) {
                        return Kind.COLLECTIVE;
                    }
                    return Kind.PERSON;
                }
            }
            if (ATTRIBUTION_NOUNS.contains(base)) {
                for (int m = start; m < head; m++) {
                    String x = w(m);
                    if (x.equals("our") || x.equals("my")) {
                        return Kind.COLLECTIVE;
                    }
                    if (POSSESSIVES.contains(x) || ((x.endsWith("'s") || x.endsWith("s'")) && isPersonWord(m))) {
                        return Kind.PERSON;
                    }
                }
            }
            if (base.equals("they") || base.equals("them")) {
                return Kind.UNKNOWN;
            }
            if (AFFECTED.contains(base)) {
                return Kind.AFFECTED;
            }
            if (start == head && head > 0 && nameLike(h)) {
                return Kind.UNKNOWN;
            }
            return Kind.SYSTEM;
        }

        private boolean allCapitalised(int from, int to) {
            for (int m = from; m <= to; m++) {
                if (!s.get(m).capitalised()) {
                    return false;
                }
            }
            return true;
        }

        boolean isPersonWord(int k) {
            if (k < 0 || k >= s.size() || !s.get(k).word()) {
                return false;
            }
            Token t = s.get(k);
            String base = stripPossessive(t.lower());
            if (base.equals("one")) {
                return w(k - 1).equals("no");
            }
            if (knownTokens.contains(base)) {
                return true;
            }
            for (List<String> phrase : knownPhrases) {
                if (matchesPhrase(k, phrase)) {
                    return true;
                }
            }
            if (base.length() > 1 && base.startsWith("@")) {
                return true;
            }
            if (PERSON_PRONOUNS.contains(base) || ROLES.contains(base)) {
                return !base.equals("i") || t.text().equals("I");
            }
            return t.capitalised() && GIVEN_NAMES.contains(base) && !TECH_TERMS.contains(base);
        }

        private boolean matchesPhrase(int k, List<String> phrase) {
            for (int offset = 0; offset < phrase.size(); offset++) {
                int begin = k - offset;
                if (begin < 0 || begin + phrase.size() > s.size()) {
                    continue;
                }
                boolean all = true;
                for (int p = 0; p < phrase.size() && all; p++) {
                    all = stripPossessive(w(begin + p)).equals(phrase.get(p));
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }

        private boolean nameLike(Token t) {
            String x = t.lower();
            if (!t.capitalised()
                    || TECH_TERMS.contains(x)
                    || t.text().equals(t.text().toUpperCase(Locale.ROOT))) {
                return false;
            }
            for (int c = 1; c < t.text().length(); c++) {
                char ch = t.text().charAt(c);
                if (!Character.isLowerCase(ch) && ch != '\'') {
                    return false;
                }
            }
            for (String suffix : List.of(
                    "ing", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ers", "ors", "ics", "ure", "age",
                    "ism", "ics", "ys", "ings", "es")) {
                if (x.endsWith(suffix)) {
                    return false;
                }
            }
            return !DETERMINERS.contains(x) && !AUX.contains(x) && !SKIPPABLE.contains(x);
        }

        private boolean skippable(int j) {
            Token t = s.get(j);
            if (!t.word()) {
                return false;
            }
            String w = t.lower();
            return AUX.contains(w) || SKIPPABLE.contains(w) || MISHAP_ADVERBS.contains(w) || adverb(w);
        }

        private boolean nominalOrPerson(int k) {
            return k >= 0 && k < s.size() && (isPersonWord(k) || nominal(s.get(k)));
        }

        private boolean nominal(Token t) {
            if (!t.word()) {
                return false;
            }
            String w = t.lower();
            return !AUX.contains(w)
                    && !PREPOSITIONS.contains(w)
                    && !SUBORDINATORS.contains(w)
                    && !SKIPPABLE.contains(w)
                    && !DETERMINERS.contains(w)
                    && !adverb(w)
                    && !verbLike(t);
        }

        private boolean verbLike(Token t) {
            String w = t.lower();
            if (t.capitalised() && GIVEN_NAMES.contains(stripPossessive(w))) {
                return false;
            }
            return (w.endsWith("ed") && w.length() > 3 && !NOUNS_ENDING_IN_ED.contains(w))
                    || DAMAGING_VERBS.contains(w)
                    || STRONG_OMISSIONS.contains(w)
                    || WEAK_OMISSIONS.contains(w)
                    || CARRIER_VERBS.contains(w)
                    || PAST_HUMAN_VERBS.contains(w)
                    || PHRASAL_DAMAGE.contains(w)
                    || w.equals("failed");
        }

        private boolean adverb(String w) {
            return w.endsWith("ly") && w.length() > 4 && !NOT_ADVERBS.contains(w);
        }

        private boolean passive(int i) {
            int j = i - 1;
            while (j >= 0 && s.get(j).word() && (adverb(w(j)) || w(j).equals("not") || w(j).equals("never"))) {
                j--;
            }
            return j >= 0 && BE.contains(w(j));
        }

        private boolean mitigation(int i) {
            for (int k = i + 1; k < s.size() - 1; k++) {
                if (!s.get(k).word() && !s.get(k).text().equals("-")) {
                    return false;
                }
                if (w(k).equals("to") && MITIGATION_VERBS.contains(w(k + 1))) {
                    return true;
                }
            }
            return false;
        }

        private boolean systemAgent(int k) {
            if (w(k).equals("by") || w(k).equals("with")) {
                Subject agent = subjectAfter(k + 1);
                return agent.kind() == Kind.SYSTEM;
            }
            return false;
        }

        private boolean isNobody(Subject subject) {
            if (subject.kind() == Kind.NONE) {
                return false;
            }
            String x = w(subject.to());
            return x.equals("nobody") || (x.equals("one") && w(subject.to() - 1).equals("no")) || x.equals("none");
        }

        private boolean negated(int i, int window) {
            for (int k = i - 1; k >= Math.max(0, i - window); k--) {
                Token t = s.get(k);
                if (!t.word()) {
                    if (t.text().equals(".") || t.text().equals(";")) {
                        return false;
                    }
                    continue;
                }
                if (NEGATORS.contains(t.lower()) || t.lower().endsWith("n't")) {
                    return true;
                }
            }
            return false;
        }

        private boolean clauseStart(int i) {
            return i == 0 || !s.get(i - 1).word();
        }

        private int skipAdverbs(int k) {
            while (k < s.size() && s.get(k).word() && (adverb(w(k)) || SKIPPABLE.contains(w(k)))) {
                k++;
            }
            return k;
        }

        private int objectVerbAfter(int i) {
            int k = i + 1;
            if (w(k).equals("to")) {
                return skipAdverbs(k + 1);
            }
            return i;
        }

        private String objectText(int from) {
            if (from >= s.size()
                    || !s.get(from).word()
                    || PREPOSITIONS.contains(w(from))
                    || OBJECT_STOPS.contains(w(from))) {
                return null;
            }
            int end = from - 1;
            for (int k = from; k < s.size() && k < from + 9; k++) {
                Token t = s.get(k);
                if (!t.word() && !t.text().equals("-") && !t.text().equals("/")) {
                    break;
                }
                if (t.word() && OBJECT_STOPS.contains(t.lower()) && k > from) {
                    break;
                }
                end = k;
            }
            if (end < from) {
                return null;
            }
            String object = original.substring(s.get(from).start(), s.get(end).end());
            String first = w(from);
            if (POSSESSIVES.contains(first)) {
                object = "the" + object.substring(first.length());
            }
            return object;
        }

        private String subjectText(int verb) {
            Subject subject = subjectBefore(verb);
            if (subject.kind() == Kind.NONE) {
                return "it";
            }
            return original.substring(
                    s.get(subject.from()).start(), s.get(subject.to()).end());
        }

        private String text(int from, int to) {
            return original.substring(s.get(from).start(), s.get(to).end());
        }

        private int start(Subject subject, int trigger) {
            return subject.kind() == Kind.NONE ? trigger : Math.min(subject.from(), trigger);
        }

        private void add(Rule rule, int from, int to, String reason, String suggestion) {
            int a = s.get(from).start();
            int b = s.get(Math.max(from, to)).end();
            out.add(new Finding(a, b, original.substring(a, b), rule, reason, suggestion));
        }
    }

    static String stripPossessive(String w) {
        if (w.endsWith("'s")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s'")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    static String base(String verb) {
        if (verb == null || verb.isEmpty()) {
            return null;
        }
        if (HUMAN_VERBS.contains(verb) || STRONG_OMISSIONS.contains(verb) || WEAK_OMISSIONS.contains(verb)) {
            if (!verb.endsWith("ed")) {
                return verb;
            }
        }
        String irregular = IRREGULAR_BASE.get(verb);
        if (irregular != null) {
            return irregular;
        }
        if (verb.endsWith("ied")) {
            return verb.substring(0, verb.length() - 3) + "y";
        }
        if (verb.endsWith("ed")) {
            String stripD = verb.substring(0, verb.length() - 1);
            if (HUMAN_VERBS.contains(stripD)) {
                return stripD;
            }
            String stripEd = verb.substring(0, verb.length() - 2);
            if (HUMAN_VERBS.contains(stripEd)) {
                return stripEd;
            }
            if (stripEd.length() > 2
                    && stripEd.charAt(stripEd.length() - 1) == stripEd.charAt(stripEd.length() - 2)
                    && HUMAN_VERBS.contains(stripEd.substring(0, stripEd.length() - 1))) {
                return stripEd.substring(0, stripEd.length() - 1);
            }
            return stripEd;
        }
        return verb;
    }

    static String participleOf(String verb) {
        String p = PARTICIPLES.get(verb);
        if (p != null) {
            return p;
        }
        if (verb.endsWith("ed")) {
            return verb;
        }
        if (verb.endsWith("e")) {
            return verb + "d";
        }
        if (verb.endsWith("y") && verb.length() > 2 && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0) {
            return verb.substring(0, verb.length() - 1) + "ied";
        }
        return verb + "ed";
    }

    static String capitalise(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String blameReason() {
        return "Assigns blame or fault; a postmortem looks for contributing factors, not culprits.";
    }

    private static String blameSuggestion() {
        return "Describe the contributing factors instead, e.g. \"Contributing factors were the missing"
                + " confirmation step and the shared credentials\".";
    }

    private static String minimisingReason() {
        return "Says the right action was easy (\"just had to\"); that is only clear in hindsight.";
    }

    private static String minimisingSuggestion() {
        return "Describe what made the right action hard to see or take at the time.";
    }
}
