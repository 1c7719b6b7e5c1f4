/**
 * The importer of the legacy Django application's model configurations: {@link
 * io.llmadmin.migration.legacy.LegacyImporter} reads one {@link io.llmadmin.migration.legacy.LegacySource} (a live Django
 * database, a {@code manage.py dumpdata} fixture, or the legacy agent's settings JSON) as a stream of {@link
 * io.llmadmin.migration.legacy.LegacyRow}s, maps each onto a {@code ModelConfiguration} matched by its catalog id, and
 * writes every accepted row in one transaction, or none. It never writes an API key in clear: keys found in the legacy
 * data go to a {@link io.llmadmin.migration.legacy.SecretSink} (the encrypted vault, wired by admin-web), or the row
 * is rejected. {@link io.llmadmin.migration.legacy.ImportCommand} is its command line.
 */
package io.llmadmin.migration.legacy;
