package io.llmadmin.services.catalog;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;

/**
 * What clients may know of a model: an immutable snapshot of a {@link ModelConfiguration}, without its routing
 * details, limits or extra arguments.
 *
 * @param id the catalog id
 * @param type what the model does
 * @param name the display name
 * @param description what it is for
 * @param contextLength its context window in tokens (0 when unknown)
 * @param vendor who makes it (Google, StabilityAI, ...)
 * @param sortOrder its place in its type's list
 * @param maxOutputTokens the most output tokens it answers with, as declared (0 when not declared): what a gateway key
 *     reserves for a call that sets no {@code max_tokens}
 */
public record CatalogEntry(
        String id,
        ModelType type,
        String name,
        String description,
        int contextLength,
        String vendor,
        int sortOrder,
        int maxOutputTokens) {

    /** An entry whose maximum output is not declared. */
    public CatalogEntry(
            String id,
            ModelType type,
            String name,
            String description,
            int contextLength,
            String vendor,
            int sortOrder) {
        this(id, type, name, description, contextLength, vendor, sortOrder, 0);
    }

    public static CatalogEntry of(ModelConfiguration model) {
        return new CatalogEntry(
                model.catalogId(),
                model.type(),
                model.displayName(),
                model.description(),
                model.contextLength(),
                model.vendor(),
                model.sortOrder(),
                model.parameterRanges() == null ? 0 : model.parameterRanges().maxOutputTokens());
    }
}
