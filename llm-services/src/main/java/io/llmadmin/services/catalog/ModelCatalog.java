package io.llmadmin.services.catalog;

import io.llmadmin.domain.model.ModelType;
import java.util.List;
import java.util.Optional;

/** The active models clients may use, served from memory. */
public interface ModelCatalog {

    /** The active models of one type, in their catalog order (sort order, then id). */
    List<CatalogEntry> activeModels(ModelType type);

    /** One active model by its catalog id. */
    Optional<CatalogEntry> activeModel(String catalogId);

    /** Forgets what is cached; the next read loads the catalog again. Call after every change to a model. */
    void invalidate();
}
