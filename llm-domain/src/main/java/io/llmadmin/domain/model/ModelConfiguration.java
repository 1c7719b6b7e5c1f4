package io.llmadmin.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One model an organisation uses: the catalog entry the frontend lists, the routing information the services need to
 * call it, and the per-minute limits that cap its use.
 *
 * <p>Two names are kept apart on purpose. {@link #provider()} is the routing id the services dispatch on
 * ({@code openai}, {@code gemini}, {@code inference-service}, ...); {@link #vendor()} is the display name of who makes
 * the model ({@code Google}, {@code StabilityAI}, {@code Flux}), which the frontend's image list shows as its
 * {@code provider} field.
 *
 * <p>The surrogate key comes from a sequence rather than an identity column: EclipseLink 4.0 still calls H2's removed
 * {@code IDENTITY()} function, while sequences behave the same on H2 and PostgreSQL. The allocation size must equal the
 * Liquibase sequence's {@code incrementBy}.
 *
 * <p>Over 400 lines because it maps one wide table (some thirty columns, each with its getter), and the behaviour
 * methods that keep it consistent (limits, ranges, capabilities, fallbacks) belong with the fields they guard; callers
 * outside the services read it through {@code ModelView}, never this class.
 */
@Entity
@Table(name = "model_configuration")
public class ModelConfiguration {

    /** A catalog id: lower-case slug, as used in URLs and by every client ({@code gemini-1.5-pro}). */
    public static final String CATALOG_ID_PATTERN = "[a-z0-9][a-z0-9._-]{0,99}";

    @Id
    @SequenceGenerator(name = "model_configuration_seq", sequenceName = "model_configuration_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "model_configuration_seq")
    private Long id;

    @NotNull
    @Pattern(regexp = CATALOG_ID_PATTERN, message = "must be a lower-case slug of letters, digits, '.', '_' or '-'")
    @Column(name = "catalog_id", nullable = false, unique = true, length = 100)
    private String catalogId;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "model_type", nullable = false, length = 20)
    private ModelType type;

    @NotBlank
    @Size(max = 50)
    @Column(name = "provider", nullable = false, length = 50)
    private String provider;

    @Size(max = 100)
    @Column(name = "vendor", length = 100)
    private String vendor;

    @NotBlank
    @Size(max = 200)
    @Column(name = "provider_model_name", nullable = false, length = 200)
    private String providerModelName;

    @NotBlank
    @Size(max = 255)
    @Column(name = "display_name", nullable = false, length = 255)
    private String displayName;

    @Size(max = 2000)
    @Column(name = "description", length = 2000)
    private String description;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Size(max = 500)
    @Column(name = "api_base", length = 500)
    private String apiBase;

    @Min(0)
    @Column(name = "context_length", nullable = false)
    private int contextLength;

    @Min(0)
    @Column(name = "limit_requests", nullable = false)
    private int limitRequestsPerMinute;

    @Min(0)
    @Column(name = "limit_input_tokens", nullable = false)
    private int limitInputTokensPerMinute;

    @Min(0)
    @Column(name = "limit_output_tokens", nullable = false)
    private int limitOutputTokensPerMinute;

    @Column(name = "vision", nullable = false)
    private boolean vision;

    /** Extra provider arguments as a JSON object; validated as JSON by the services, stored as text. */
    @Column(name = "extra_kwargs")
    private String extraKwargsJson;

    @Column(name = "active", nullable = false)
    private boolean active;

    /** The vault credential whose secret calls send (its endpoint must be this model's); null: the default one. */
    @Column(name = "credential_id")
    private Long credentialId;

    /** The ordered fallback list: catalog ids joined by commas (a catalog id never contains one). */
    @Size(max = 2000)
    @Column(name = "fallback_models", length = 2000)
    private String fallbackModels;

    @Column(name = "supports_streaming", nullable = false)
    private boolean supportsStreaming = true;

    @Column(name = "supports_tools", nullable = false)
    private boolean supportsTools;

    @Column(name = "supports_json_output", nullable = false)
    private boolean supportsJsonOutput;

    @Column(name = "supports_reasoning", nullable = false)
    private boolean supportsReasoning;

    /** Whether each call's prompt and answer are kept with its usage row (the request log shows them); off by default. */
    @Column(name = "log_payloads", nullable = false)
    private boolean logPayloads;

    @Column(name = "temperature_min", nullable = false)
    private double temperatureMin = ParameterRanges.DEFAULT.temperatureMin();

    @Column(name = "temperature_max", nullable = false)
    private double temperatureMax = ParameterRanges.DEFAULT.temperatureMax();

    @Column(name = "top_p_min", nullable = false)
    private double topPMin = ParameterRanges.DEFAULT.topPMin();

    @Column(name = "top_p_max", nullable = false)
    private double topPMax = ParameterRanges.DEFAULT.topPMax();

    @Min(0)
    @Column(name = "max_output_tokens", nullable = false)
    private int maxOutputTokens;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected ModelConfiguration() {}

    /**
     * A new, active model with no limits, no vision and no extra arguments.
     *
     * @param catalogId the unique slug clients use
     * @param type what the model does
     * @param provider the routing id the services dispatch on
     * @param providerModelName the name the provider knows the model by
     * @param displayName the name people read
     */
    public ModelConfiguration(
            String catalogId, ModelType type, String provider, String providerModelName, String displayName) {
        this.catalogId = requireText(catalogId, "catalogId");
        this.type = Objects.requireNonNull(type, "type");
        this.provider = requireText(provider, "provider");
        this.providerModelName = requireText(providerModelName, "providerModelName");
        this.displayName = requireText(displayName, "displayName");
        this.active = true;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @PrePersist
    void onCreate() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        createdAt = now;
        updatedAt = now;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Sets how the frontend presents the model: who makes it, what it is for, and where it sorts in its list. */
    public void describe(String vendor, String description, int sortOrder) {
        this.vendor = vendor;
        this.description = description;
        this.sortOrder = sortOrder;
    }

    /** Sets the per-minute limits; 0 means unlimited, a negative value is refused. */
    public void limitPerMinute(int requests, int inputTokens, int outputTokens) {
        if (requests < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("limits must be >= 0 (0 = unlimited)");
        }
        this.limitRequestsPerMinute = requests;
        this.limitInputTokensPerMinute = inputTokens;
        this.limitOutputTokensPerMinute = outputTokens;
    }

    /** Sets the context length in tokens; 0 means unknown. Refused when below the declared max output tokens. */
    public void contextLength(int tokens) {
        specify(tokens, parameterRanges());
    }

    /**
     * Sets the context length and the parameter ranges together, so that both may shrink in one step.
     *
     * @throws IllegalArgumentException when the context length is negative, or the ranges' max output tokens exceed a
     *     known (non-zero) context length; nothing is changed then
     */
    public void specify(int contextTokens, ParameterRanges ranges) {
        Objects.requireNonNull(ranges, "parameterRanges");
        if (contextTokens < 0) {
            throw new IllegalArgumentException("contextLength must be >= 0");
        }
        if (contextTokens > 0 && ranges.maxOutputTokens() > contextTokens) {
            throw new IllegalArgumentException("maxOutputTokens (" + ranges.maxOutputTokens()
                    + ") must not exceed contextLength (" + contextTokens + ")");
        }
        this.contextLength = contextTokens;
        this.temperatureMin = ranges.temperatureMin();
        this.temperatureMax = ranges.temperatureMax();
        this.topPMin = ranges.topPMin();
        this.topPMax = ranges.topPMax();
        this.maxOutputTokens = ranges.maxOutputTokens();
    }

    /** Declares what the model can do; the vision capability is the model's vision flag. */
    public void declareCapabilities(ModelCapabilities capabilities) {
        Objects.requireNonNull(capabilities, "capabilities");
        this.supportsStreaming = capabilities.streaming();
        this.vision = capabilities.vision();
        this.supportsTools = capabilities.tools();
        this.supportsJsonOutput = capabilities.jsonOutput();
        this.supportsReasoning = capabilities.reasoning();
    }

    /**
     * Sets the ordered list of models to try when this one fails.
     *
     * @throws IllegalArgumentException when an id is not a catalog id, is this model's own id, or is listed twice;
     *     nothing is changed then
     */
    public void fallBackTo(List<String> catalogIds) {
        Objects.requireNonNull(catalogIds, "fallbacks");
        Set<String> seen = new HashSet<>();
        for (String fallback : catalogIds) {
            if (fallback == null || !fallback.matches(CATALOG_ID_PATTERN)) {
                throw new IllegalArgumentException("fallback '" + fallback + "' is not a catalog id");
            }
            if (fallback.equals(catalogId)) {
                throw new IllegalArgumentException("a model cannot fall back to itself");
            }
            if (!seen.add(fallback)) {
                throw new IllegalArgumentException("fallback '" + fallback + "' is listed twice");
            }
        }
        this.fallbackModels = catalogIds.isEmpty() ? null : String.join(",", catalogIds);
    }

    /** Switches keeping each call's prompt and answer with its usage row on or off. */
    public void logPayloads(boolean on) {
        this.logPayloads = on;
    }

    /** Changes what the model does (chat, embedding, image, speech). */
    public void changeType(ModelType newType) {
        this.type = Objects.requireNonNull(newType, "type");
    }

    /** Sends the model to another provider, or to another model name at the same provider. */
    public void reroute(String newProvider, String newProviderModelName) {
        String checkedProvider = requireText(newProvider, "provider");
        this.providerModelName = requireText(newProviderModelName, "providerModelName");
        this.provider = checkedProvider;
    }

    /** Changes the name people read. */
    public void rename(String newDisplayName) {
        this.displayName = requireText(newDisplayName, "displayName");
    }

    public void routeTo(String apiBase, String extraKwargsJson, boolean vision) {
        this.apiBase = apiBase;
        this.extraKwargsJson = extraKwargsJson;
        this.vision = vision;
    }

    /**
     * Names the credential calls use, by its vault id; null for the provider's default credential of this model's
     * endpoint. The registry checks that the credential exists and that its endpoint is this model's.
     */
    public void useCredential(Long credentialId) {
        this.credentialId = credentialId;
    }

    public void activate() {
        this.active = true;
    }

    public void deactivate() {
        this.active = false;
    }

    public Long id() {
        return id;
    }

    public String catalogId() {
        return catalogId;
    }

    public ModelType type() {
        return type;
    }

    public String provider() {
        return provider;
    }

    public String vendor() {
        return vendor;
    }

    public String providerModelName() {
        return providerModelName;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public int sortOrder() {
        return sortOrder;
    }

    public String apiBase() {
        return apiBase;
    }

    public int contextLength() {
        return contextLength;
    }

    public int limitRequestsPerMinute() {
        return limitRequestsPerMinute;
    }

    public int limitInputTokensPerMinute() {
        return limitInputTokensPerMinute;
    }

    public int limitOutputTokensPerMinute() {
        return limitOutputTokensPerMinute;
    }

    public boolean vision() {
        return vision;
    }

    public String extraKwargsJson() {
        return extraKwargsJson;
    }

    public boolean active() {
        return active;
    }

    /** The vault credential calls use, or null for the provider's default one. */
    public Long credentialId() {
        return credentialId;
    }

    /** The catalog ids to try, in order, when this model fails; empty when none. */
    public List<String> fallbacks() {
        return fallbackModels == null || fallbackModels.isEmpty()
                ? List.of()
                : List.copyOf(Arrays.asList(fallbackModels.split(",")));
    }

    public ModelCapabilities capabilities() {
        return new ModelCapabilities(supportsStreaming, vision, supportsTools, supportsJsonOutput, supportsReasoning);
    }

    /** Whether each call's prompt and answer are kept with its usage row. */
    public boolean logsPayloads() {
        return logPayloads;
    }

    public ParameterRanges parameterRanges() {
        return new ParameterRanges(temperatureMin, temperatureMax, topPMin, topPMax, maxOutputTokens);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    /** Entities are equal when they are the same catalog entry; the catalog id never changes. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ModelConfiguration that && catalogId.equals(that.catalogId);
    }

    @Override
    public int hashCode() {
        return catalogId.hashCode();
    }

    @Override
    public String toString() {
        return "ModelConfiguration[" + catalogId + ", " + type + ", " + provider + "/" + providerModelName + "]";
    }
}
