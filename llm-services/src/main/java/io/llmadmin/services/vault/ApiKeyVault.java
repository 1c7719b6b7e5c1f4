package io.llmadmin.services.vault;

import io.llmadmin.services.errors.LlmNotConfiguredException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where LLM calls get the key for a provider. Looks in the encrypted store first (provider matched case-insensitively,
 * enabled keys handed out round-robin), then in the environment variables the legacy module read:
 * {@code API_KEY_<PROVIDER>}, {@code <PROVIDER>_API_KEY}, {@code <PROVIDER>_API_TOKEN} (upper-cased; an empty value
 * counts as unset; a comma-separated list is split, trimmed, emptied entries dropped, and handed out round-robin per
 * provider string as passed). The admin side (store, list, rotate) is {@link ApiCredentials}.
 */
public interface ApiKeyVault {

    /** Providers that run without a key: Ollama and the in-process local models. */
    Set<String> KEYLESS_PROVIDERS = Set.of("ollama", "local");

    /**
     * The next key for a provider, or empty when none is stored or set.
     *
     * @throws LlmNotConfiguredException when a stored key exists but cannot be decrypted with the configured master
     *     key (the message names the provider and the master key id, never a key)
     */
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

    /** Whether calls to this provider need a key at all (case-insensitive); false for ollama and local. */
    default boolean needsKey(String provider) {
        return provider == null || !KEYLESS_PROVIDERS.contains(provider.trim().toLowerCase(Locale.ROOT));
    }
}
