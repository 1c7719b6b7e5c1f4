/**
 * How the legacy importer works inside: the three sources ({@code DjangoDatabaseSource}, {@code FixtureSource},
 * {@code AgentSettingsSource}) stream raw rows; {@code RowMapper} validates one row and maps it onto the catalog's
 * terms (with the catalog-id rule of {@code CatalogIds} and the provider ids of {@code Providers}); {@code JpaImport}
 * runs one import in batches over JPA, in one transaction; {@code ReportRendering} renders its report.
 */
package io.llmadmin.migration.legacy.internal;
