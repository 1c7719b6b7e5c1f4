package io.llmadmin.services.registry;

import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.domain.model.ParameterRanges;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A model as the registry hands it out: every stored field, immutable. Callers outside the services (the admin API,
 * the console) read models through it, so that the JPA entity and its mutators never leave the transaction that
 * changes it; a change goes back in as a {@link ModelDraft}. The accessors are named as the entity's, so a caller
 * reads the same words either way. Secrets ({@code apiBase}, {@code extraKwargsJson}) are as stored: masking is the
 * caller's choice of what it shows.
 */
public record ModelView(
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
        ParameterRanges parameterRanges,
        Long credentialId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version,
        boolean logPayloads) {

    public ModelView {
        fallbacks = List.copyOf(fallbacks);
    }

    /** The entity's state now (call it after the flush, so that the version is the stored one). */
    public static ModelView of(ModelConfiguration model) {
        return new ModelView(
                model.catalogId(),
                model.type(),
                model.provider(),
                model.vendor(),
                model.providerModelName(),
                model.displayName(),
                model.description(),
                model.sortOrder(),
                model.apiBase(),
                model.contextLength(),
                model.limitRequestsPerMinute(),
                model.limitInputTokensPerMinute(),
                model.limitOutputTokensPerMinute(),
                model.extraKwargsJson(),
                model.active(),
                model.fallbacks(),
                model.capabilities(),
                model.parameterRanges(),
                model.credentialId(),
                model.createdAt(),
                model.updatedAt(),
                model.version(),
                model.logsPayloads());
    }

    /** What this model states, as a draft of it (a change starts from it; the rules check it). */
    public ModelDraft draft() {
        return new ModelDraft(
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
                parameterRanges.temperatureMin(),
                parameterRanges.temperatureMax(),
                parameterRanges.topPMin(),
                parameterRanges.topPMax(),
                parameterRanges.maxOutputTokens(),
                credentialId,
                logPayloads);
    }
}
