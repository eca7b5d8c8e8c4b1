package dev.hindsight.trackers;

/** Tracker sync on the embedded H2 database. */
class TrackerSyncH2Tests extends TrackerSyncContract {}
