package io.llmadmin.migration.legacy;

import java.util.Locale;

/**
 * Which {@code "model"} labels of a dumpdata fixture the importer reads; records of every other model (users,
 * sessions, ...) are counted as ignored. Django writes labels as {@code <app_label>.<model_name>} in lower case.
 *
 * @param configurationModel the {@code ModelConfiguration} label, {@value #DEFAULT_CONFIGURATION_MODEL} by default
 * @param metadataModel the catalog-metadata label, {@value #DEFAULT_METADATA_MODEL} by default
 */
public record FixtureModels(String configurationModel, String metadataModel) {

    public static final String DEFAULT_CONFIGURATION_MODEL = "llm.modelconfiguration";
    public static final String DEFAULT_METADATA_MODEL = "llm.model";

    public FixtureModels {
        configurationModel = label(configurationModel, "configurationModel");
        metadataModel = label(metadataModel, "metadataModel");
    }

    /** The labels of the Django app {@code llm}. */
    public static FixtureModels defaults() {
        return new FixtureModels(DEFAULT_CONFIGURATION_MODEL, DEFAULT_METADATA_MODEL);
    }

    private static String label(String value, String parameter) {
        if (value == null || !value.matches("[A-Za-z0-9_]+\\.[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException(
                    parameter + " must look like app_label.model_name (got '" + value + "')");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
