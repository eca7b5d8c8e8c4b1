/**
 * Incidents: the record at the centre of Hindsight. An incident has a human key (INC-12), severity, a checked status
 * lifecycle, affected services, customer impact, key times from which TTD/TTA/TTM/TTR are computed, people in roles,
 * tags, links, admin-defined custom fields and a visibility. {@link dev.hindsight.incident.IncidentManagement} is the
 * API; every change is audited and guarded by an optimistic version.
 */
package dev.hindsight.incident;
