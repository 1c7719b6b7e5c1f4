package io.llmadmin.services.llm.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.registry.ModelHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Builds the LangChain4j chat, streaming chat and embedding models of a {@link ModelConfiguration}, once per
 * configuration: a built model is reused until the configuration changes (its version or any routing field) or another
 * API key is used. Keys are told apart by a hash; the cache never holds a key in its own fields.
 *
 * <p>Each provider's builders are a {@link ProviderModels} row; this class chooses one by the model's route,
 * caches what it built, and loads the in-process embedding model.
 */
final class LangChain4jModelFactory {

    private static final Logger LOG = Logger.getLogger(LangChain4jModelFactory.class.getName());
    /** The in-process model's name as the legacy configuration spelled it. */
    static final String MINILM = "sentence-transformers/all-MiniLM-L6-v2";

    private final Duration defaultTimeout;
    private final String dataDirectory;
    private final java.util.concurrent.Executor httpExecutor;
    private final Map<CacheKey, Built> cache = new ConcurrentHashMap<>();
    private volatile EmbeddingModel inProcessMiniLm;

    LangChain4jModelFactory(Duration defaultTimeout) {
        this(defaultTimeout, null, null);
    }

    /**
     * @param defaultTimeout each model's timeout when a call sets none
     * @param dataDirectory where DJL may unpack the in-process model's native files ({@code <dir>/djl-cache}) when
     *     {@code DJL_CACHE_DIR} is not set; may be null
     * @param httpExecutor where the HTTP client runs its callbacks (the container's managed executor); null for the
     *     JDK's default
     */
    LangChain4jModelFactory(Duration defaultTimeout, String dataDirectory, java.util.concurrent.Executor httpExecutor) {
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        this.dataDirectory = dataDirectory;
        this.httpExecutor = httpExecutor;
    }

    /** The route of a model's provider, or a not-configured failure naming it. */
    static ProviderRoute routeOf(ModelConfiguration model) {
        return ProviderRoute.of(model.provider())
                .orElseThrow(() -> new LlmNotConfiguredException("Model '" + model.catalogId() + "' names provider '"
                        + model.provider() + "', which llm-admin cannot call"));
    }

    ChatModel chatModel(ModelConfiguration model, String apiKey) {
        return cached(Kind.CHAT, model, apiKey, () -> buildChat(model, apiKey));
    }

    /** The chat model for a call asking for several choices (see {@link OpenAiChoices}); OpenAI's wire only. */
    ChatModel severalChoicesChatModel(ModelConfiguration model, String apiKey) {
        return cached(
                Kind.CHOICES,
                model,
                apiKey,
                () -> providerModels(model, routeOf(model), "chat")
                        .chat(OpenAiChoices.settings(settings(model, apiKey))));
    }

    StreamingChatModel streamingChatModel(ModelConfiguration model, String apiKey) {
        return cached(Kind.STREAMING, model, apiKey, () -> buildStreaming(model, apiKey));
    }

    EmbeddingModel embeddingModel(ModelConfiguration model, String apiKey) {
        if (routeOf(model) == ProviderRoute.IN_PROCESS) {
            return inProcessEmbeddingModel(model);
        }
        return cached(Kind.EMBEDDING, model, apiKey, () -> buildEmbedding(model, apiKey));
    }

    /** How many built models are held (for tests of the rebuild rule). */
    int cachedModels() {
        return cache.size();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Kind kind, ModelConfiguration model, String apiKey, Supplier<T> build) {
        CacheKey key = new CacheKey(kind, model.catalogId(), fingerprint(apiKey));
        String configuration = configurationFingerprint(model);
        Built built = cache.compute(key, (k, existing) -> {
            if (existing != null && existing.configuration().equals(configuration)) {
                return existing;
            }
            if (existing != null) {
                LOG.info(() -> "Model '" + model.catalogId() + "' changed; rebuilding its " + kind.label + " client");
            }
            return new Built(configuration, build.get());
        });
        return (T) built.model();
    }

    /** The provider's client builders; the in-process model and the inference service have none here. */
    private static ProviderModels providerModels(ModelConfiguration model, ProviderRoute route, String what) {
        return switch (route) {
            case OPENAI, OPENAI_COMPATIBLE -> ProviderModels.OPENAI;
            case ANTHROPIC -> ProviderModels.ANTHROPIC;
            case GEMINI -> ProviderModels.GEMINI;
            case OLLAMA -> ProviderModels.OLLAMA;
            case MISTRAL -> ProviderModels.MISTRAL;
            case IN_PROCESS, INFERENCE_SERVICE ->
                throw new LlmNotConfiguredException(
                        "Model '" + model.catalogId() + "': provider '" + model.provider() + "' offers no " + what);
        };
    }

    private ProviderModels.Settings settings(ModelConfiguration model, String apiKey) {
        return new ProviderModels.Settings(
                http().modelHeaders(ModelHeaders.of(model.extraKwargsJson())),
                baseUrl(model),
                apiKey,
                model.providerModelName(),
                defaultTimeout,
                "Model '" + model.catalogId() + "': provider '" + model.provider() + "'",
                model.extraKwargsJson());
    }

    private ChatModel buildChat(ModelConfiguration model, String apiKey) {
        return providerModels(model, routeOf(model), "chat").chat(settings(model, apiKey));
    }

    private StreamingChatModel buildStreaming(ModelConfiguration model, String apiKey) {
        ProviderRoute route = routeOf(model);
        ProviderModels.Settings settings = settings(model, apiKey);
        if (route == ProviderRoute.OPENAI || route == ProviderRoute.OPENAI_COMPATIBLE) {
            // Several choices and per-chunk log probabilities are read beside LangChain4j (OpenAiStreamChunks).
            settings = OpenAiStreamChunks.settings(settings);
        }
        return providerModels(model, route, "chat").streamingChat(settings);
    }

    private EmbeddingModel buildEmbedding(ModelConfiguration model, String apiKey) {
        return providerModels(model, routeOf(model), "embeddings here").embedding(settings(model, apiKey));
    }

    /**
     * The in-process all-MiniLM-L6-v2 (384 dimensions, no network): provider {@code local} with any name, or
     * {@code huggingface} with {@code sentence-transformers/all-MiniLM-L6-v2}. Loaded once, on first use (~2 s).
     */
    private EmbeddingModel inProcessEmbeddingModel(ModelConfiguration model) {
        boolean local = model.provider().equalsIgnoreCase("local");
        String name = model.providerModelName();
        if (!local && !MINILM.equalsIgnoreCase(name) && !"all-MiniLM-L6-v2".equalsIgnoreCase(name)) {
            throw new LlmNotConfiguredException("Model '" + model.catalogId() + "': only " + MINILM
                    + " runs in-process; '" + name + "' is not available offline");
        }
        EmbeddingModel loaded = inProcessMiniLm;
        if (loaded == null) {
            synchronized (this) {
                if (inProcessMiniLm == null) {
                    keepDjlInsideTheDataDirectory();
                    LOG.info("Loading the in-process all-MiniLM-L6-v2 embedding model");
                    inProcessMiniLm = new AllMiniLmL6V2EmbeddingModel();
                }
                loaded = inProcessMiniLm;
            }
        }
        return loaded;
    }

    /** DJL unpacks native files under {@code ~/.djl.ai} unless told otherwise; keep them with the application's data. */
    private void keepDjlInsideTheDataDirectory() {
        if (dataDirectory != null
                && System.getProperty("DJL_CACHE_DIR") == null
                && System.getenv("DJL_CACHE_DIR") == null) {
            String cache = java.nio.file.Path.of(dataDirectory, "djl-cache").toString();
            System.setProperty("DJL_CACHE_DIR", cache);
            LOG.info(() -> "DJL_CACHE_DIR is not set; the embedding model's native files go to " + cache);
        }
    }

    /** The model's api base, else the provider's; a trailing slash is dropped. */
    static String baseUrl(ModelConfiguration model) {
        String apiBase = model.apiBase();
        String base = apiBase != null && !apiBase.isBlank()
                ? apiBase.trim()
                : routeOf(model)
                        .defaultBaseUrl(model.provider())
                        .orElseThrow(() -> new LlmNotConfiguredException("Model '" + model.catalogId()
                                + "' needs an api base: provider '" + model.provider() + "' has no default address"));
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private ProviderHttpClient.Builder http() {
        return ProviderHttpClient.builder().executor(httpExecutor);
    }

    private static String configurationFingerprint(ModelConfiguration model) {
        return String.join(
                "\u0000",
                String.valueOf(model.version()),
                model.provider().toLowerCase(Locale.ROOT),
                model.providerModelName(),
                String.valueOf(model.apiBase()),
                String.valueOf(model.extraKwargsJson()));
    }

    /** A key's identity without the key: the first 16 hex digits of its SHA-256. */
    static String fingerprint(String apiKey) {
        if (apiKey == null) {
            return "-";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private enum Kind {
        CHAT("chat"),
        STREAMING("streaming chat"),
        EMBEDDING("embedding"),
        CHOICES("several-choices chat");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private record CacheKey(Kind kind, String catalogId, String keyFingerprint) {}

    private record Built(String configuration, Object model) {}
}
