package io.llmadmin.services.vault;

import io.llmadmin.services.errors.LlmNotConfiguredException;
import java.util.Optional;

/**
 * Where LLM calls get the key for a provider. Looks in the encrypted store first, then in the environment variables
 * the legacy module read ({@code API_KEY_<PROVIDER>}, {@code <PROVIDER>_API_KEY}, {@code <PROVIDER>_API_TOKEN}).
 * Several keys for one provider are handed out round-robin.
 */
public interface ApiKeyVault {

    /** The next key for a provider (case-insensitive), or empty when none is stored or set. */
    Optional<String> nextKey(String provider);

    /**
     * The next key for a provider.
     *
     * @throws LlmNotConfiguredException naming the provider (never a key) when there is none
     */
    default String requireKey(String provider) {
        return nextKey(provider)
                .orElseThrow(() -> new LlmNotConfiguredException("No API key for provider '" + provider + "'"));
    }
}
