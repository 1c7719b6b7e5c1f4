/**
 * How the legacy importer works inside: the three sources ({@code DjangoDatabaseSource}, {@code FixtureSource},
 * {@code AgentSettingsSource}) stream raw rows; {@code RowMapper} validates one row and maps it onto the catalog's
 * terms (with the catalog-id rule of {@code CatalogIds} and the provider ids of {@code Providers}); {@code JpaImport}
 * runs one import over JPA, in one transaction, from parts each named for its job: {@code ImportRunRecords} (the
 * recorded run), {@code BatchWriter} (one batch mapped, de-duplicated and written), {@code MergeRules} (which fields
 * a row owns), {@code KeyTracker} (keys found and handed to the vault), {@code RowTally} (counts and listed rows);
 * {@code ReportRendering} renders its report. The {@code ImportStore}s are the only holders of the entity manager:
 * {@code JpaImportStore} over any entity manager and {@code ImportTransaction}, {@code CommandLineImportStore} (its own
 * resource-local persistence unit) and {@code ContainerImportStore} (the server's CDI bean, JTA).
 */
package io.llmadmin.migration.legacy.internal;
