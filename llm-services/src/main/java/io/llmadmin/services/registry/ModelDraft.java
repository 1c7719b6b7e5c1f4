package io.llmadmin.services.registry;

import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelType;
import java.util.List;

/**
 * Everything an admin states about a model, as given: {@link ModelRegistry} validates it as a whole and names each
 * wrong field by its path in the admin API's JSON. A create or full update stores exactly this; optional values the
 * caller left out must already hold their defaults ({@link #DEFAULT_SORT_ORDER}, 0 limits, ...).
 *
 * @param catalogId the unique slug ({@code id} in JSON)
 * @param type what the model does
 * @param provider a known provider id
 * @param vendor who makes it (display name), may be null
 * @param providerModelName the name the provider knows it by
 * @param displayName the name people read
 * @param description what it is for, may be null
 * @param sortOrder its place in its type's list
 * @param apiBase an http(s) URL, or null / empty for the provider's default
 * @param contextLength its context window in tokens, 0 = unknown
 * @param limitRequestsPerMinute requests per minute, 0 = unlimited ({@code limits.requestsPerMinute})
 * @param limitInputTokensPerMinute input tokens per minute, 0 = unlimited
 * @param limitOutputTokensPerMinute output tokens per minute, 0 = unlimited
 * @param extraKwargsJson extra provider arguments, a JSON object as text, or null
 * @param active whether clients see and may use it
 * @param fallbacks catalog ids of other models to try, in order
 * @param capabilities what the model can do
 * @param temperatureMin lowest temperature accepted ({@code parameters.temperatureMin})
 * @param temperatureMax highest temperature accepted
 * @param topPMin lowest top_p accepted
 * @param topPMax highest top_p accepted
 * @param maxTokens largest max_tokens accepted, 0 = up to the context length ({@code parameters.maxTokens})
 * @param credentialId the vault credential calls use (it must be of this provider and bound to this model's
 *     endpoint), or null for the provider's default credential of that endpoint
 * @param logPayloads whether each call's prompt and answer are kept with its usage row (the request log shows them)
 */
public record ModelDraft(
        String catalogId,
        ModelType type,
        String provider,
        String vendor,
        String providerModelName,
        String displayName,
        String description,
        int sortOrder,
        String apiBase,
        int contextLength,
        int limitRequestsPerMinute,
        int limitInputTokensPerMinute,
        int limitOutputTokensPerMinute,
        String extraKwargsJson,
        boolean active,
        List<String> fallbacks,
        ModelCapabilities capabilities,
        double temperatureMin,
        double temperatureMax,
        double topPMin,
        double topPMax,
        int maxTokens,
        Long credentialId,
        boolean logPayloads) {

    public static final int DEFAULT_SORT_ORDER = 0;

    /** A model whose calls' prompts and answers are not kept (the default). */
    public ModelDraft(
            String catalogId,
            ModelType type,
            String provider,
            String vendor,
            String providerModelName,
            String displayName,
            String description,
            int sortOrder,
            String apiBase,
            int contextLength,
            int limitRequestsPerMinute,
            int limitInputTokensPerMinute,
            int limitOutputTokensPerMinute,
            String extraKwargsJson,
            boolean active,
            List<String> fallbacks,
            ModelCapabilities capabilities,
            double temperatureMin,
            double temperatureMax,
            double topPMin,
            double topPMax,
            int maxTokens,
            Long credentialId) {
        this(
                catalogId,
                type,
                provider,
                vendor,
                providerModelName,
                displayName,
                description,
                sortOrder,
                apiBase,
                contextLength,
                limitRequestsPerMinute,
                limitInputTokensPerMinute,
                limitOutputTokensPerMinute,
                extraKwargsJson,
                active,
                fallbacks,
                capabilities,
                temperatureMin,
                temperatureMax,
                topPMin,
                topPMax,
                maxTokens,
                credentialId,
                false);
    }

    public ModelDraft {
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
        capabilities = capabilities == null ? ModelCapabilities.DEFAULT : capabilities;
    }
}
