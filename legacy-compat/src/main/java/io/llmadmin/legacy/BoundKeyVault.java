package io.llmadmin.legacy;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.vault.ApiKeyVault;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The vault as a legacy wrapper sees it: the key the wrapper was built with (an explicit {@code api_key}, or the one
 * {@code get_api_key} handed out then) wins for the model the wrapper calls; without one, and for every other model
 * (a registry model's fallbacks), the real vault answers, so a key chosen for one endpoint never goes to another. The
 * key is bound to the calling thread for the duration of the call into the chat service, which asks for the first
 * model's key on that thread before it returns (a fallback's attempt starts on another thread, where nothing is bound).
 */
final class BoundKeyVault implements ApiKeyVault {

    private final ApiKeyVault vault;
    private final ThreadLocal<Binding> bound = new ThreadLocal<>();

    BoundKeyVault(ApiKeyVault vault) {
        this.vault = vault;
    }

    @Override
    public Optional<String> nextKey(String provider) {
        Binding binding = bound.get();
        return binding != null && binding.key() != null ? Optional.of(binding.key()) : vault.nextKey(provider);
    }

    /**
     * For the model the key is bound to, the bound key, as the legacy wrapper was built with it; else the real vault's
     * endpoint-bound choice.
     */
    @Override
    public Optional<String> keyFor(ModelConfiguration model) {
        Binding binding = bound.get();
        return binding != null && binding.key() != null && binding.catalogId().equals(model.catalogId())
                ? Optional.of(binding.key())
                : vault.keyFor(model);
    }

    /** Runs {@code body} with {@code key} (may be null: none) bound to the model {@code catalogId} on this thread. */
    <T> T withKey(String catalogId, String key, Supplier<T> body) {
        Binding previous = bound.get();
        bound.set(new Binding(catalogId, key));
        try {
            return body.get();
        } finally {
            if (previous == null) {
                bound.remove();
            } else {
                bound.set(previous);
            }
        }
    }

    private record Binding(String catalogId, String key) {}
}
