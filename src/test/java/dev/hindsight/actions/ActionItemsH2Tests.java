package dev.hindsight.actions;

/** The action item rules on the embedded default database (H2). */
class ActionItemsH2Tests extends ActionItemsContract {}
