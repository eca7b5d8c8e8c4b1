package dev.hindsight.actions.web;

/** Follow-up API on the embedded H2 database. */
class ActionFollowUpApiH2Tests extends ActionFollowUpApiContract {}
