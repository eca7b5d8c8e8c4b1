/**
 * The postmortem document: one per incident, made of sections in the order of a template (an admin-defined one chosen
 * by severity, or the built-in default), each either narrative Markdown written by people or a live block assembled
 * from the incident's current data when it is rendered (summary, impact, key times, timeline, root causes, Five Whys,
 * diagrams, action items). Keeps a revision of every section edit, exports Markdown with YAML front matter, HTML,
 * PDF and JSON, and imports Markdown postmortems (docs-as-code) into incidents.
 */
package dev.hindsight.postmortem;
