/**
 * Small types every module may use: the exceptions that map to HTTP problem details, field errors, the acting user
 * and the clock. Nothing here knows about a particular feature.
 */
package dev.hindsight.shared;
