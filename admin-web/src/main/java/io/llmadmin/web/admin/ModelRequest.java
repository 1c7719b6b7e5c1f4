package io.llmadmin.web.admin;

import io.llmadmin.domain.model.ModelConfiguration;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A model as an admin sends it (create, full update, or the result of a merge patch). Optional members left out take
 * their defaults: sort order 0, unknown context length, no limits, active, no fallbacks, streaming only, temperature
 * 0-2, top_p 0-1, max tokens up to the context length, payloads not logged.
 */
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
    "version"
})
@Schema(description = "A model; logPayloads: " + ModelRequest.LOG_PAYLOADS)
public record ModelRequest(
        @Pattern(
                regexp = ModelConfiguration.CATALOG_ID_PATTERN,
                message = "must be a lower-case slug of letters, digits, '.', '_' or '-', at most 100 characters")
        String id,

        @NotNull(message = "must be one of chat, embedding, image, speech")
        String type,

        @NotBlank String provider,
        @Size(max = 100) String vendor,
        @NotBlank @Size(max = 200) String providerModelName,
        @NotBlank @Size(max = 255) String displayName,
        @Size(max = 2000) String description,
        Integer sortOrder,
        @Size(max = 500) String apiBase,
        @PositiveOrZero Integer contextLength,
        @Valid LimitsJson limits,
        JsonValue extraKwargs,
        Boolean active,
        @Size(max = 20) List<@NotBlank String> fallbacks,
        CapabilitiesJson capabilities,
        @Valid ParametersJson parameters,
        Long credentialId,
        Boolean logPayloads,
        Long version) {

    /** What the log payloads switch does, as the OpenAPI document says it. */
    static final String LOG_PAYLOADS = "Whether each call's prompt (its messages) and answer text are kept with its"
            + " usage row and shown in the request log (GET /api/admin/usage/calls), each side at most 65,536"
            + " characters; default false: nothing of them is stored. Deleted with the usage rows"
            + " (LLMADMIN_USAGE_RETENTION_DAYS).";

    /** Per-minute limits; 0 or absent = unlimited. */
    @JsonbPropertyOrder({"requestsPerMinute", "inputTokensPerMinute", "outputTokensPerMinute"})
    public record LimitsJson(
            @PositiveOrZero Integer requestsPerMinute,
            @PositiveOrZero Integer inputTokensPerMinute,
            @PositiveOrZero Integer outputTokensPerMinute) {}

    /** What the model can do; absent members are false, except streaming which defaults to true. */
    @JsonbPropertyOrder({"streaming", "vision", "tools", "jsonOutput", "reasoning"})
    public record CapabilitiesJson(
            Boolean streaming, Boolean vision, Boolean tools, Boolean jsonOutput, Boolean reasoning) {}

    /** The parameter ranges calls must keep to. */
    @JsonbPropertyOrder({"temperatureMin", "temperatureMax", "topPMin", "topPMax", "maxTokens"})
    public record ParametersJson(
            @DecimalMin("0") @DecimalMax("2") Double temperatureMin,
            @DecimalMin("0") @DecimalMax("2") Double temperatureMax,
            @DecimalMin("0") @DecimalMax("1") Double topPMin,
            @DecimalMin("0") @DecimalMax("1") Double topPMax,
            @PositiveOrZero Integer maxTokens) {}
}
