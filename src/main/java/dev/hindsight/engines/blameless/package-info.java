/**
 * The blameless-language check: a small rule-based analyser that finds blaming and hindsight language in postmortem
 * prose (Markdown allowed; code, URLs, quotations and log lines are skipped) and suggests system-focused rewordings.
 * It splits text into sentences and tokens, finds the grammatical subject of each suspicious verb and classifies it as
 * a person (names, handles, pronouns, roles, teams) or a system, so that "the job failed to start" passes while "Dave
 * failed to notice" is reported. Entry point: {@link dev.hindsight.engines.blameless.BlamelessChecker}.
 */
package dev.hindsight.engines.blameless;
