package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.ProviderEndpoints;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Which credential a call to a model may use: the one decision that keeps a secret on its credential's host.
 *
 * <ol>
 *   <li>The model names a credential: it must exist, be enabled, be of the model's provider and be bound to the
 *       model's endpoint ({@link ProviderEndpoints#allows}); anything else refuses the call (the registry refuses such
 *       a model at save time already; this is the last line of defence).
 *   <li>Otherwise the oldest enabled credential of the provider bound to the model's endpoint.
 *   <li>Otherwise none; the environment's legacy keys then go to the provider's official endpoint only.
 * </ol>
 */
final class EndpointBinding {

    /** The outcome: a credential, or none with whether the environment's keys may be used. */
    record Choice(Optional<ApiCredential> credential, boolean environmentAllowed) {}

    private EndpointBinding() {}

    /**
     * @param enabledOfProvider the provider's enabled credentials, oldest first
     * @param byId any credential by id (for the refusal's message)
     */
    static Choice choose(
            ModelConfiguration model,
            List<ApiCredential> enabledOfProvider,
            LongFunction<Optional<ApiCredential>> byId) {
        String provider = ApiCredential.normaliseProvider(model.provider());
        Optional<String> endpoint = ProviderEndpoints.effective(provider, model.apiBase());
        Long named = model.credentialId();
        if (named != null) {
            ApiCredential credential = enabledOfProvider.stream()
                    .filter(candidate -> named.equals(candidate.id()))
                    .findFirst()
                    .orElseThrow(() -> refusal(model, named, byId.apply(named)));
            if (endpoint.isEmpty() || !ProviderEndpoints.allows(credential.baseUrl(), endpoint.get())) {
                throw new LlmNotConfiguredException("Refused to send credential " + credential.provider() + "/"
                        + credential.label() + " of " + boundTo(credential) + " to "
                        + endpoint.map(ProviderEndpoints::origin).orElse("no address") + " (model '"
                        + model.catalogId() + "'): a secret only goes to its credential's endpoint");
            }
            return new Choice(Optional.of(credential), false);
        }
        if (endpoint.isEmpty()) {
            return new Choice(Optional.empty(), false);
        }
        Optional<ApiCredential> bound = enabledOfProvider.stream()
                .filter(candidate -> ProviderEndpoints.allows(candidate.baseUrl(), endpoint.get()))
                .findFirst();
        boolean official = ProviderEndpoints.official(provider)
                .map(officialEndpoint -> ProviderEndpoints.allows(officialEndpoint, endpoint.get()))
                .orElse(false);
        return new Choice(bound, bound.isEmpty() && official);
    }

    private static LlmNotConfiguredException refusal(
            ModelConfiguration model, long named, Optional<ApiCredential> found) {
        String why = found.map(credential -> !credential.enabled()
                        ? "credential " + credential.provider() + "/" + credential.label() + " is disabled"
                        : "credential " + credential.provider() + "/" + credential.label() + " belongs to provider '"
                                + credential.provider() + "'")
                .orElse("credential " + named + " does not exist");
        return new LlmNotConfiguredException("Model '" + model.catalogId() + "' cannot be called: " + why);
    }

    private static String boundTo(ApiCredential credential) {
        return credential.baseUrl() == null ? "no endpoint" : ProviderEndpoints.origin(credential.baseUrl());
    }
}
