package dev.hindsight.actions.web;

import dev.hindsight.actions.ActionForm;
import java.util.List;

/** The add-action form on the incident page, as posted. */
record ActionPageForm(
        String title,
        String description,
        String type,
        String priority,
        String owner,
        String team,
        String dueDate,
        String effort,
        String ticketUrl,
        List<Long> factorIds) {

    static ActionPageForm blank(Long factorId) {
        return new ActionPageForm(
                "", "", "prevent", "P2", "", "", "", "", "", factorId == null ? List.of() : List.of(factorId));
    }

    ActionForm toForm() {
        return new ActionForm(title, description, type, priority, owner, team, dueDate, effort, ticketUrl, factorIds);
    }
}
