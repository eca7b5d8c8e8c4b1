package dev.hindsight.postmortem;

/**
 * One section of an incident's document.
 *
 * @param body the Markdown people wrote; empty (never null) for live blocks and unwritten sections
 */
public record Section(String key, String title, SectionKind kind, boolean required, String guidance, String body) {

    public boolean live() {
        return kind.live();
    }

    /** Whether a narrative section still has nothing written. */
    public boolean blank() {
        return !live() && body.isBlank();
    }
}
