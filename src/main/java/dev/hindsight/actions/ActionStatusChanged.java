package dev.hindsight.actions;

import dev.hindsight.incident.IncidentId;

/**
 * Published inside the transaction that moved an action to a new status, so listeners can write their own rows in
 * the same transaction (they roll back together).
 */
public record ActionStatusChanged(ActionId action, IncidentId incident, ActionStatus from, ActionStatus to) {}
