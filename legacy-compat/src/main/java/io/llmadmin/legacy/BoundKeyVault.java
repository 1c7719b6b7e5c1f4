package io.llmadmin.legacy;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.vault.ApiKeyVault;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The vault as a legacy wrapper sees it: the key the wrapper was built with (an explicit {@code api_key}, or the one
 * {@code get_api_key} handed out then) wins for the calls it makes; without one, the real vault answers. The key is
 * bound to the calling thread for the duration of the call into the single-attempt chat service, which asks for it on
 * that thread before it returns.
 */
final class BoundKeyVault implements ApiKeyVault {

    private final ApiKeyVault vault;
    private final ThreadLocal<String> bound = new ThreadLocal<>();

    BoundKeyVault(ApiKeyVault vault) {
        this.vault = vault;
    }

    @Override
    public Optional<String> nextKey(String provider) {
        String key = bound.get();
        return key != null ? Optional.of(key) : vault.nextKey(provider);
    }

    /** The bound key, as the legacy wrapper was built with it; else the real vault's endpoint-bound choice. */
    @Override
    public Optional<String> keyFor(ModelConfiguration model) {
        String key = bound.get();
        return key != null ? Optional.of(key) : vault.keyFor(model);
    }

    <T> T withKey(String key, Supplier<T> body) {
        String previous = bound.get();
        bound.set(key);
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
}
