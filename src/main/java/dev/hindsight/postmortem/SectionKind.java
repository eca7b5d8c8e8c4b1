package dev.hindsight.postmortem;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a section holds: narrative Markdown written by people, or one of the live blocks assembled at render time. */
public enum SectionKind {
    NARRATIVE("narrative"),
    SUMMARY("summary"),
    IMPACT("impact"),
    KEY_TIMES("key times"),
    TIMELINE("timeline"),
    ROOT_CAUSES("root causes"),
    FIVE_WHYS("five whys"),
    DIAGRAMS("diagrams"),
    ACTION_ITEMS("action items");

    private final String label;

    SectionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the section's content comes from current data rather than from text people write. */
    public boolean live() {
        return this != NARRATIVE;
    }

    /** The kind named {@code text} in any case, with {@code -}, {@code _} or spaces between words; else empty. */
    public static Optional<SectionKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    /** The names accepted by {@link #parse}, for messages. */
    public static String names() {
        return Arrays.stream(values())
                .map(k -> k.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
