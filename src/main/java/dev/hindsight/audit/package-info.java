/**
 * The audit trail: who changed what and when, with values before and after, for every change to an incident and
 * everything that hangs off it. Modules record entries through {@link dev.hindsight.audit.AuditTrail} in the same
 * transaction as the change itself, so an entry exists exactly when the change does.
 */
package dev.hindsight.audit;
