package dev.hindsight.actions;

import dev.hindsight.analysis.ContributingFactor;
import java.util.List;

/**
 * An incident's action items with what they leave out, so nothing is forgotten.
 *
 * @param factors the incident's root causes and contributing factors
 * @param causesWithoutAction factors no action is linked to
 * @param actionsWithoutCause actions linked to no factor
 */
public record ActionPlan(
        List<ActionItem> actions,
        List<ContributingFactor> factors,
        List<ContributingFactor> causesWithoutAction,
        List<ActionItem> actionsWithoutCause) {}
