package io.llmadmin.migration.schema;

/** The changelogs could not be applied; the application must not serve on a schema in an unknown state. */
public class SchemaMigrationException extends RuntimeException {

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
