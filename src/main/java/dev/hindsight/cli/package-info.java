/**
 * The command-line tools ({@code ./hindsight <command>}): thin wrappers that read files, call an engine and print
 * its results as text or JSON. They run without Spring and without a database.
 */
package dev.hindsight.cli;
