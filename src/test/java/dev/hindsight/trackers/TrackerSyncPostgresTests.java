package dev.hindsight.trackers;

import dev.hindsight.testing.UsePostgres;

/** Tracker sync on a real PostgreSQL server. */
@UsePostgres
class TrackerSyncPostgresTests extends TrackerSyncContract {}
