package io.llmadmin.legacy;

import io.llmadmin.domain.model.ModelConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The legacy {@code ModelConfig} dataclass: same fields, same order, same defaults ({@code api_base=""},
 * {@code ctx_length=0}, the three limits 0, {@code vision=False}, {@code kwargs={}}).
 *
 * @param type what the model does
 * @param provider the provider id as the caller wrote it
 * @param name the provider's model name
 * @param apiBase the API base, or empty
 * @param ctxLength the context length, 0 when unknown
 * @param limitRequests requests per minute, 0 = unlimited
 * @param limitInput input tokens per minute, 0 = unlimited
 * @param limitOutput output tokens per minute, 0 = unlimited
 * @param vision whether the model takes images
 * @param kwargs extra provider arguments
 * @deprecated Use {@link ModelConfiguration} from the registry instead.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
@ReplacedBy("io.llmadmin.domain.model.ModelConfiguration")
public record ModelConfig(
        ModelType type,
        String provider,
        String name,
        String apiBase,
        int ctxLength,
        int limitRequests,
        int limitInput,
        int limitOutput,
        boolean vision,
        Map<String, Object> kwargs) {

    /**
     * Python's defaults for the optional fields; a null {@code apiBase} or {@code kwargs} means the default.
     *
     * @deprecated Use {@link ModelConfiguration} from the registry instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public ModelConfig {
        LegacyCalls.count("ModelConfig");
        apiBase = apiBase == null ? "" : apiBase;
        kwargs = kwargs == null ? new LinkedHashMap<>() : kwargs;
    }

    /**
     * {@code ModelConfig(type, provider, name)} with every other field at its default.
     *
     * @deprecated Use {@link ModelConfiguration} from the registry instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public ModelConfig(ModelType type, String provider, String name) {
        this(type, provider, name, "", 0, 0, 0, 0, false, new LinkedHashMap<>());
    }

    /**
     * {@code build_kwargs()}: a shallow copy of {@code kwargs}, plus {@code api_base} when the API base is set and the
     * copy has none. The original map is never changed.
     *
     * @deprecated Use the services' provider factory, which reads the registry's configuration, instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public Map<String, Object> buildKwargs() {
        Map<String, Object> copy = new LinkedHashMap<>(kwargs);
        if (!apiBase.isEmpty() && !copy.containsKey("api_base")) {
            copy.put("api_base", apiBase);
        }
        return copy;
    }

    /**
     * The legacy view of a registry entry, for code that still takes a {@code ModelConfig}.
     *
     * @deprecated Use {@link ModelConfiguration} directly instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static ModelConfig from(ModelConfiguration model) {
        ModelType type = switch (model.type()) {
            case CHAT -> ModelType.CHAT;
            case EMBEDDING -> ModelType.EMBEDDING;
            default ->
                throw new IllegalArgumentException(
                        "The legacy ModelConfig knows only Chat and Embedding models, not " + model.type());
        };
        return new ModelConfig(
                type,
                model.provider(),
                model.providerModelName(),
                model.apiBase(),
                model.contextLength(),
                model.limitRequestsPerMinute(),
                model.limitInputTokensPerMinute(),
                model.limitOutputTokensPerMinute(),
                model.vision(),
                new LinkedHashMap<>());
    }
}
