package dev.hindsight.timeline;

import dev.hindsight.shared.NotFoundException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an entry is named in URLs and links: {@code E12.5} for the event with seq 5 of evidence 12 (whether or not it has
 * been curated yet), {@code M7} for the manual or statement entry with id 7.
 */
public record EntryRef(Long evidenceId, Integer seq, Long entryId) {

    private static final Pattern SOURCE = Pattern.compile("E(\\d{1,18})\\.(\\d{1,9})");
    private static final Pattern MANUAL = Pattern.compile("M(\\d{1,18})");

    public static EntryRef source(long evidenceId, int seq) {
        return new EntryRef(evidenceId, seq, null);
    }

    public static EntryRef manual(long entryId) {
        return new EntryRef(null, null, entryId);
    }

    /** Parses a reference; {@link NotFoundException} when it is not one. */
    public static EntryRef parse(String raw) {
        String text = raw == null ? "" : raw.trim();
        Matcher s = SOURCE.matcher(text);
        if (s.matches()) {
            return source(Long.parseLong(s.group(1)), Integer.parseInt(s.group(2)));
        }
        Matcher m = MANUAL.matcher(text);
        if (m.matches()) {
            return manual(Long.parseLong(m.group(1)));
        }
        throw new NotFoundException("No timeline entry " + text + " (entries look like E12.5 or M7)");
    }

    public boolean isSource() {
        return evidenceId != null;
    }

    @Override
    public String toString() {
        return isSource() ? "E" + evidenceId + "." + seq : "M" + entryId;
    }
}
