/**
 * The incident timeline: what happened when, curated by people from what the evidence proposes. Proposed entries are
 * derived at read time from the evidence's source events (new log templates, bursts, alerts, deploys and changes,
 * chat messages with a signal, metric change points), so they are visible exactly when the evidence is; people accept,
 * hide, edit, annotate and merge them, add manual entries and eyewitness statements, and mark key moments that set the
 * incident's key times (and so TTD/TTA/TTM/TTR). {@link dev.hindsight.timeline.IncidentTimeline} is the API; the
 * evidence is read through the {@link dev.hindsight.timeline.ProposalSource} and
 * {@link dev.hindsight.timeline.RawLines} ports. Every change is checked, versioned and audited.
 */
package dev.hindsight.timeline;
