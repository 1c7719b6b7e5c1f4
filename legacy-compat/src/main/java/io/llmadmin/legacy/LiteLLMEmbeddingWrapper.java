package io.llmadmin.legacy;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.llm.ChatService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The legacy {@code LiteLLMEmbeddingWrapper} and {@code LocalSentenceTransformerWrapper}, as
 * {@link Models#getEmbeddingModel} builds them: texts in, one vector per text out, through the services'
 * {@link ChatService#embed(ModelConfiguration, List, String)}. Each call is rate-limited once with the legacy config, as
 * before. Immutable and thread-safe; {@link #toString()} never shows the key.
 *
 * @deprecated Use {@link ChatService#embed(String, List, String)} with a registry model instead.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
@ReplacedBy("io.llmadmin.services.llm.ChatService")
public final class LiteLLMEmbeddingWrapper {

    private final LegacyServices services;
    private final String provider;
    private final String modelName;
    private final ModelConfig modelConfig;
    private final Map<String, Object> kwargs;
    private final String apiKey;
    private final boolean local;
    private final String builtBy;

    LiteLLMEmbeddingWrapper(
            LegacyServices services,
            String provider,
            String modelName,
            ModelConfig modelConfig,
            Map<String, Object> kwargs,
            String apiKey,
            boolean local,
            String builtBy) {
        this.services = services;
        this.provider = provider;
        this.modelName = modelName;
        this.modelConfig = modelConfig;
        this.kwargs = new LinkedHashMap<>(kwargs);
        this.apiKey = apiKey;
        this.local = local;
        this.builtBy = builtBy;
    }

    /**
     * Whether the model runs in this process (the legacy {@code LocalSentenceTransformerWrapper}).
     *
     * @deprecated Use the registry model's provider ({@code local}) instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public boolean isLocal() {
        return local;
    }

    /**
     * The provider, lower-cased.
     *
     * @deprecated Use {@link ModelConfiguration#provider()} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public String provider() {
        return provider;
    }

    /**
     * The provider's model name.
     *
     * @deprecated Use {@link ModelConfiguration#providerModelName()} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public String modelName() {
        return modelName;
    }

    /**
     * {@code embed_documents(texts)}: one vector per text, in order; rate-limited on the texts joined by spaces.
     *
     * @throws LLMNotConfiguredError when the model cannot be called as configured
     * @throws io.llmadmin.services.errors.LlmException when the call fails
     * @deprecated Use {@link ChatService#embed(String, List, String)} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public List<float[]> embedDocuments(List<String> texts) {
        String caller = LegacyCalls.count("LiteLLMEmbeddingWrapper.embed_documents");
        Objects.requireNonNull(texts, "texts");
        return embed(texts, String.join(" ", texts), caller);
    }

    /**
     * {@code embed_query(text)}: the vector of one text.
     *
     * @deprecated Use {@link ChatService#embed(String, List, String)} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public float[] embedQuery(String text) {
        String caller = LegacyCalls.count("LiteLLMEmbeddingWrapper.embed_query");
        return embed(List.of(Objects.requireNonNull(text, "text")), text, caller)
                .get(0);
    }

    private List<float[]> embed(List<String> texts, String limiterText, String caller) {
        Models.rateLimit(modelConfig, limiterText, null);
        ModelConfiguration model = LegacyKwargs.model(
                io.llmadmin.domain.model.ModelType.EMBEDDING, provider, modelName, modelConfig, kwargs);
        try {
            return services.keys()
                    .withKey(model.catalogId(), apiKey, () -> services.chat().embed(model, texts, "legacy:" + caller))
                    .vectors();
        } catch (LlmNotConfiguredException e) {
            throw new LLMNotConfiguredError(e);
        }
    }

    /** Provider and model only: the key never shows. */
    @Override
    public String toString() {
        return "LiteLLMEmbeddingWrapper[" + provider + "/" + modelName + (local ? ", in-process" : "") + ", built by "
                + builtBy + "]";
    }
}
