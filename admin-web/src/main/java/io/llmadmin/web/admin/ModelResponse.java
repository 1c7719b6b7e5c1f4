package io.llmadmin.web.admin;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ParameterRanges;
import io.llmadmin.services.audit.SecretMasking;
import io.llmadmin.services.registry.ModelView;
import io.llmadmin.web.admin.ModelRequest.CapabilitiesJson;
import io.llmadmin.web.admin.ModelRequest.LimitsJson;
import io.llmadmin.web.admin.ModelRequest.ParametersJson;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;

/** A model as the admin API shows it: everything stored, secrets masked, with its version (also the ETag). */
@JsonbPropertyOrder({
    "id",
    "type",
    "provider",
    "vendor",
    "providerModelName",
    "displayName",
    "description",
    "sortOrder",
    "apiBase",
    "contextLength",
    "limits",
    "extraKwargs",
    "active",
    "fallbacks",
    "capabilities",
    "parameters",
    "credentialId",
    "logPayloads",
    "createdAt",
    "updatedAt",
    "version"
})
public record ModelResponse(
        String id,
        String type,
        String provider,
        String vendor,
        String providerModelName,
        String displayName,
        String description,
        int sortOrder,
        String apiBase,
        int contextLength,
        LimitsJson limits,
        JsonValue extraKwargs,
        boolean active,
        List<String> fallbacks,
        CapabilitiesJson capabilities,
        ParametersJson parameters,
        Long credentialId,
        boolean logPayloads,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    /** What the API shows: secrets in the api base and the extra arguments masked. */
    public static ModelResponse of(ModelView model) {
        return of(model, true);
    }

    /**
     * @param masked false only for the base of a merge patch, which never leaves the server
     */
    static ModelResponse of(ModelView model, boolean masked) {
        ModelCapabilities capabilities = model.capabilities();
        ParameterRanges ranges = model.parameterRanges();
        JsonValue kwargs = parse(model.extraKwargsJson());
        return new ModelResponse(
                model.catalogId(),
                model.type().apiName(),
                model.provider(),
                model.vendor(),
                model.providerModelName(),
                model.displayName(),
                model.description(),
                model.sortOrder(),
                masked ? SecretMasking.maskUrl(model.apiBase()) : model.apiBase(),
                model.contextLength(),
                new LimitsJson(
                        model.limitRequestsPerMinute(),
                        model.limitInputTokensPerMinute(),
                        model.limitOutputTokensPerMinute()),
                masked && kwargs != null ? SecretMasking.mask(kwargs) : kwargs,
                model.active(),
                model.fallbacks(),
                new CapabilitiesJson(
                        capabilities.streaming(),
                        capabilities.vision(),
                        capabilities.tools(),
                        capabilities.jsonOutput(),
                        capabilities.reasoning()),
                new ParametersJson(
                        ranges.temperatureMin(),
                        ranges.temperatureMax(),
                        ranges.topPMin(),
                        ranges.topPMax(),
                        ranges.maxOutputTokens()),
                model.credentialId(),
                model.logPayloads(),
                model.createdAt(),
                model.updatedAt(),
                model.version());
    }

    private static JsonValue parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            return JSON.createValue(SecretMasking.MASK);
        }
    }
}
