package dev.hindsight.postmortem.web;

/** The postmortem API on the embedded default database (H2). */
class PostmortemApiH2Tests extends PostmortemApiContract {}
