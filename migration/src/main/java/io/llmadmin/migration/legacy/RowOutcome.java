package io.llmadmin.migration.legacy;

import java.util.Objects;

/**
 * The plan for one row.
 *
 * @param reference where the row came from ({@code llm_modelconfiguration id=7})
 * @param catalogId the catalog id it maps to, or null when it could not be derived
 * @param action what happens to it
 * @param detail the reason of a rejection, the changed fields of an update, a note on a key; null otherwise
 */
public record RowOutcome(String reference, String catalogId, RowAction action, String detail) {

    public RowOutcome {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(action, "action");
    }
}
