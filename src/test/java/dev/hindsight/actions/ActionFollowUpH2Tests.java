package dev.hindsight.actions;

/** Gate and recurrence rules on the embedded H2 database. */
class ActionFollowUpH2Tests extends ActionFollowUpContract {}
