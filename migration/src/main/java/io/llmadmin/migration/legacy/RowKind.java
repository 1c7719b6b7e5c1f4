package io.llmadmin.migration.legacy;

/** What a legacy row describes. */
public enum RowKind {
    /**
     * A row of Django's {@code ModelConfiguration} (or one family of the agent settings): how to call a model. Its
     * catalog id is derived from its {@code name}.
     */
    CONFIGURATION,
    /** A row of the catalog-metadata model ({@code Model} of seeds/001): how the frontend shows a model. */
    METADATA,
    /** An API key found on its own (the settings' {@code api_keys}), not attached to a model. */
    SECRET,
    /** A record the importer has no use for (another Django model, an empty settings family); counted, not read. */
    IGNORED
}
