package dev.hindsight.timeline.web;

/** The timeline API on the embedded default database (H2). */
class TimelineApiH2Tests extends TimelineApiContract {}
