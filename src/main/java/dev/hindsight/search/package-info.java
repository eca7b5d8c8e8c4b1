/**
 * Learning across incidents: full-text search (Apache Lucene, in process) over incidents and what other modules record
 * about them (contributing factors, actions, timeline entries, statements, postmortem documents: one {@link
 * dev.hindsight.search.SearchContributor} each), with
 * facets, highlighting and relevance ranking, and "similar incidents". Each node keeps its own index under
 * {@code hindsight.data-dir}, rebuilt from the database when missing or of an older schema, and follows the shared
 * {@code search_changes} table so every node sees every change. Restricted incidents are filtered at query time with
 * the reader's visibility, so they never show up, not even in counts.
 */
package dev.hindsight.search;
