package io.llmadmin.services.llm;

import io.llmadmin.domain.model.ModelConfiguration;
import java.util.List;
import java.util.Optional;

/** Where the chat service finds the model a catalog id names, and the models to fall back to. */
public interface ModelDirectory {

    /** The active model with this catalog id, or empty. */
    Optional<ModelConfiguration> find(String catalogId);

    /**
     * The catalog ids to try, in order, when the model fails with a retriable error after its own retries. Empty by
     * default; the registry's ordered fallback list plugs in here.
     */
    default List<String> fallbacksOf(ModelConfiguration model) {
        return List.of();
    }
}
