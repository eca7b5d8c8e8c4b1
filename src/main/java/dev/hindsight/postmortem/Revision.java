package dev.hindsight.postmortem;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One saved change to one section: who, when, the document version it produced, and the text before and after.
 *
 * @param before the section's Markdown before, empty when it was new
 */
public record Revision(
        long id,
        int version,
        String sectionKey,
        String sectionTitle,
        String before,
        String after,
        String changedBy,
        OffsetDateTime changedAt) {

    /** The change as unified-diff lines ({@code +}, {@code -}, context), without the file header. Never null. */
    public List<String> diff() {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(sectionKey, sectionKey, a, DiffUtils.diff(a, b), 2);
        return unified.size() <= 2 ? List.of() : unified.subList(2, unified.size());
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }
}
