package dev.hindsight.actions.web;

/** The action items API on the embedded default database (H2). */
class ActionApiH2Tests extends ActionApiContract {}
