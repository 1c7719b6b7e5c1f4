package io.llmadmin.migration.legacy;

import java.util.regex.Pattern;

/**
 * The tables of a live Django database to read. Django names them {@code <app>_<model>}: for the app {@code llm}
 * these are {@value #DEFAULT_CONFIGURATION_TABLE} and {@value #DEFAULT_METADATA_TABLE}; an app with another label
 * passes its own names (optionally schema-qualified: {@code legacy.ai_modelconfiguration}).
 *
 * @param configurationTable the {@code ModelConfiguration} table (required)
 * @param metadataTable the catalog-metadata {@code Model} table, or null to read none; a table that does not exist is
 *     skipped with a note in the report
 */
public record DjangoTables(String configurationTable, String metadataTable) {

    public static final String DEFAULT_CONFIGURATION_TABLE = "llm_modelconfiguration";
    public static final String DEFAULT_METADATA_TABLE = "llm_model";

    private static final Pattern TABLE_NAME =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}(\\.[A-Za-z_][A-Za-z0-9_$]{0,62})?");

    public DjangoTables {
        requireTableName(configurationTable, "configurationTable");
        if (metadataTable != null) {
            requireTableName(metadataTable, "metadataTable");
        }
    }

    /** The tables of the Django app {@code llm}. */
    public static DjangoTables defaults() {
        return new DjangoTables(DEFAULT_CONFIGURATION_TABLE, DEFAULT_METADATA_TABLE);
    }

    private static void requireTableName(String name, String parameter) {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    parameter + " must be a plain SQL table name, optionally schema-qualified (got '" + name + "')");
        }
    }
}
