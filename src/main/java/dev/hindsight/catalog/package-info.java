/**
 * The service catalog: the services incidents affect, each owned by a team. Incidents refer to services by id and
 * filter by the owning team through {@link dev.hindsight.catalog.ServiceCatalog}.
 */
package dev.hindsight.catalog;
