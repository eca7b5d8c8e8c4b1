package dev.hindsight.actions;

/** Board follow-up rules on the embedded H2 database. */
class ActionBoardH2Tests extends ActionBoardContract {}
