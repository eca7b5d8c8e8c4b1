package dev.hindsight.reminders;

/** The follow-up schedule on the embedded default database (H2). */
class ActionFollowUpH2Tests extends ActionFollowUpContract {}
