package io.llmadmin.domain.imports;

/** Where an import read the legacy data from. */
public enum ImportSourceKind {
    /** A live Django database, read over a read-only JDBC connection. */
    DJANGO_DATABASE,
    /** A {@code manage.py dumpdata} fixture file (a JSON array of {@code {"model", "pk", "fields"}} records). */
    DJANGO_FIXTURE,
    /** The legacy agent's settings JSON ({@code chat_model_*}, {@code util_model_*}, ...). */
    AGENT_SETTINGS
}
