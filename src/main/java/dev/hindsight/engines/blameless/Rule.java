package dev.hindsight.engines.blameless;

/** The kinds of finding the checker reports; each has a stable {@link #id()} and a {@link #category()}. */
public enum Rule {
    /** A person (name, handle, pronoun, role or team) is the subject of a damaging action: "Alice broke prod". */
    PERSON_AS_CAUSE("person-as-cause", Category.BLAME, "A person is named as the cause of the failure."),
    /** A person is the subject of an omission: "Bob forgot to run the migration", "Dave failed to notice". */
    OMISSION("omission", Category.BLAME, "A person is described by what they did not do."),
    /** Words that assign blame or fault: "blame", "fault of", "at fault". */
    BLAME_WORD("blame-word", Category.BLAME, "The sentence assigns blame or fault."),
    /** Words that judge people: "human error", "careless", "negligent", "sloppy", "lazy". */
    JUDGEMENT("judgement", Category.JUDGEMENT, "The sentence judges a person instead of describing conditions."),
    /** Counterfactuals about people: "should have", "could have", "if only", "if Alice had". */
    COUNTERFACTUAL("counterfactual", Category.HINDSIGHT, "A counterfactual about what a person should have done."),
    /** Hindsight bias: "obviously", "should have known", "why didn't anyone". */
    HINDSIGHT("hindsight", Category.HINDSIGHT, "The sentence treats the outcome as foreseeable in hindsight.");

    /** The broad family of a rule. */
    public enum Category {
        /** Attributes the failure to a person. */
        BLAME,
        /** Judges a person's character or competence. */
        JUDGEMENT,
        /** Reasons from knowledge that was only available after the fact. */
        HINDSIGHT
    }

    private final String id;
    private final Category category;
    private final String summary;

    Rule(String id, Category category, String summary) {
        this.id = id;
        this.category = category;
        this.summary = summary;
    }

    /** The stable kebab-case identifier, e.g. {@code omission}; never null. */
    public String id() {
        return id;
    }

    /** The family of this rule; never null. */
    public Category category() {
        return category;
    }

    /** One sentence describing what the rule looks for; never null. */
    public String summary() {
        return summary;
    }
}
