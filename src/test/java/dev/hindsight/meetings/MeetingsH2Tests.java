package dev.hindsight.meetings;

/** Postmortem meetings on the embedded default database (H2). */
class MeetingsH2Tests extends MeetingsContract {}
