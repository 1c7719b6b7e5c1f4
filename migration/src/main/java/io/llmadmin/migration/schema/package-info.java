/**
 * The schema is Liquibase's: {@link io.llmadmin.migration.schema.SchemaMigrator} applies the changelogs under
 * {@code db/changelog/} to a database before the application uses it. It is plain JDBC so the same code runs inside
 * Liberty at start-up and in the tests that prove the changelogs on H2 and PostgreSQL.
 */
package io.llmadmin.migration.schema;
