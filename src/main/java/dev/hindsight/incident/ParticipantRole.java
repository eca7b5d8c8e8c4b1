package dev.hindsight.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The part a person played in the response. */
public enum ParticipantRole {
    COMMANDER("Incident commander"),
    SCRIBE("Scribe"),
    COMMUNICATIONS("Communications lead"),
    RESPONDER("Responder"),
    SUBJECT_MATTER_EXPERT("Subject-matter expert");

    private final String title;

    ParticipantRole(String title) {
        this.title = title;
    }

    /** A name for people, e.g. "Subject-matter expert". */
    public String title() {
        return title;
    }

    /** The API name, e.g. {@code subject_matter_expert}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ParticipantRole> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (upper.equals("SME")) {
            return Optional.of(SUBJECT_MATTER_EXPERT);
        }
        return Arrays.stream(values()).filter(s -> s.name().equals(upper)).findFirst();
    }
}
