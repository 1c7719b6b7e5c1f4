package io.llmadmin.services.vault;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where LLM calls get their secret. {@link #keyFor} is the call path: a secret is only ever handed out for a model
 * whose endpoint is its credential's (see {@link io.llmadmin.domain.credential.ProviderEndpoints#allows}).
 * {@link #nextKey} is the legacy {@code get_api_key}: per provider, stored keys first (case-insensitive, enabled ones
 * in turn), then the environment variables the legacy module read: {@code API_KEY_<PROVIDER>},
 * {@code <PROVIDER>_API_KEY}, {@code <PROVIDER>_API_TOKEN} (upper-cased; an empty value counts as unset; a
 * comma-separated list is split, trimmed, emptied entries dropped, and handed out round-robin per provider string as
 * passed). The admin side is {@link ApiCredentials}.
 */
public interface ApiKeyVault {

    /** Providers that run without a key: Ollama and the in-process local models. */
    Set<String> KEYLESS_PROVIDERS = Set.of("ollama", "local");

    /**
     * The legacy lookup: the next key for a provider, or empty when none is stored or set.
     *
     * @throws LlmNotConfiguredException when a stored key exists but cannot be decrypted with the configured master
     *     key (the message names the provider and the master key id, never a key)
     */
    Optional<String> nextKey(String provider);

    /**
     * The secret a call to this model sends, or empty when there is none to send. The model's named credential (it
     * must be enabled and bound to the model's endpoint), else the oldest enabled credential of the model's provider
     * bound to that endpoint, else, when the endpoint is the provider's official one, the legacy environment
     * variables. Secrets are handed out in turn.
     *
     * @throws LlmNotConfiguredException when the model names a credential that is unknown, disabled, of another
     *     provider or bound to another endpoint (the message names hosts, never a secret)
     */
    Optional<String> keyFor(ModelConfiguration model);

    /**
     * The next key for a provider (legacy).
     *
     * @throws LlmNotConfiguredException naming the provider (never a key) when there is none
     */
    default String requireKey(String provider) {
        return nextKey(provider)
                .orElseThrow(() -> new LlmNotConfiguredException("No API key for provider '" + provider + "'"));
    }

    /**
     * The secret a call to this model sends, required.
     *
     * @throws LlmNotConfiguredException naming the model and its endpoint's host (never a key) when there is none
     */
    default String requireKeyFor(ModelConfiguration model) {
        return keyFor(model)
                .orElseThrow(() -> new LlmNotConfiguredException("No credential for model '" + model.catalogId()
                        + "' of provider '" + model.provider() + "': create one for its endpoint in the vault"));
    }

    /** A vault that holds nothing: every lookup is empty (when no vault is deployed). */
    static ApiKeyVault none() {
        return new ApiKeyVault() {
            @Override
            public Optional<String> nextKey(String provider) {
                return Optional.empty();
            }

            @Override
            public Optional<String> keyFor(ModelConfiguration model) {
                return Optional.empty();
            }
        };
    }

    /** Whether calls to this provider need a key at all (case-insensitive); false for ollama and local. */
    default boolean needsKey(String provider) {
        return provider == null || !KEYLESS_PROVIDERS.contains(provider.trim().toLowerCase(Locale.ROOT));
    }
}
