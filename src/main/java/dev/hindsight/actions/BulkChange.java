package dev.hindsight.actions;

import java.util.List;

/**
 * One change applied to several actions at once: every non-blank part is set on each of them.
 *
 * @param targets the actions with the version each was seen at
 * @param status a new status (as {@link ActionItems#changeStatus} takes it), or blank to keep each one's
 * @param reason why they will not be done, with status won't do
 * @param owner login name of the new owner, or blank to keep each one's
 * @param priority {@code P0} to {@code P3}, or blank to keep
 * @param dueDate an ISO date, or blank to keep
 */
public record BulkChange(
        List<Target> targets, String status, String reason, String owner, String priority, String dueDate) {

    /** An action to change and the version it was seen at. */
    public record Target(ActionId id, int version) {}

    boolean changesFields() {
        return !blank(owner) || !blank(priority) || !blank(dueDate);
    }

    boolean changesStatus() {
        return !blank(status);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
