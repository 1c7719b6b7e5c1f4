package io.llmadmin.services.llm;

import io.llmadmin.domain.model.ModelConfiguration;
import java.util.List;
import java.util.Optional;

/** Where the chat service finds the model a catalog id names, and the models to fall back to. */
public interface ModelDirectory {

    /** The active model with this catalog id, or empty. */
    Optional<ModelConfiguration> find(String catalogId);

    /**
     * The catalog ids to try, in order, when the model fails after its own retries: by default the model's own ordered
     * list, as the registry stores it. The call pipeline follows each fallback's own list in turn, once per model.
     */
    default List<String> fallbacksOf(ModelConfiguration model) {
        return model.fallbacks();
    }

    /**
     * The active models that call {@code providerModelName} at {@code provider} (the provider compared
     * case-insensitively), in catalog id order; none by default. For callers that know a model only by its provider
     * and name, as the legacy facade does.
     */
    default List<ModelConfiguration> findByProviderModel(String provider, String providerModelName) {
        return List.of();
    }
}
