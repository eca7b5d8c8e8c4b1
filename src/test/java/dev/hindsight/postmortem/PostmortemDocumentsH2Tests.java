package dev.hindsight.postmortem;

/** The postmortem document rules on the embedded default database (H2). */
class PostmortemDocumentsH2Tests extends PostmortemDocumentsContract {}
