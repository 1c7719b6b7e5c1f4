package io.llmadmin.legacy;

import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.ratelimit.RateLimiter;
import io.llmadmin.services.tokens.TokenEstimator;
import io.llmadmin.services.vault.ApiKeyVault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The legacy module's functions ({@code models.get_api_key}, {@code models.get_chat_model}, ...), as static methods
 * with the camelCase names. Each delegates to llm-services (see the package's table) and counts the call per calling
 * class.
 *
 * @deprecated Use the llm-services API named on each method instead.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
@ReplacedBy("io.llmadmin.services.llm.ChatService, io.llmadmin.services.vault.ApiKeyVault,"
        + " io.llmadmin.services.ratelimit.RateLimiter, io.llmadmin.services.tokens.TokenEstimator")
public final class Models {

    /** The placeholders the legacy settings used for "no key". */
    private static final List<String> PLACEHOLDER_KEYS = List.of("None", "NA");

    /** The HTTP and LLM client loggers {@link #turnOffLogging()} quiets; held so their level is not lost to GC. */
    private static final List<Logger> CLIENT_LOGGERS = List.of(
            Logger.getLogger("dev.langchain4j"),
            Logger.getLogger("ai.djl"),
            Logger.getLogger("jdk.httpclient.HttpClient"),
            Logger.getLogger("jdk.internal.httpclient.debug"),
            Logger.getLogger("java.net.http"));

    private Models() {}

    /**
     * {@code get_api_key(service)}: the next key of a provider, from the vault (case-insensitive), else from
     * {@code API_KEY_<SERVICE>}, {@code <SERVICE>_API_KEY}, {@code <SERVICE>_API_TOKEN}; a comma-separated value is
     * handed out round-robin per {@code service} string as passed.
     *
     * @throws LLMNotConfiguredError naming the provider (never a key) when there is none
     * @deprecated Use {@link ApiKeyVault#requireKey(String)} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static String getApiKey(String service) {
        LegacyCalls.count("get_api_key");
        return apiKey(LegacyServices.current(), service);
    }

    static String apiKey(LegacyServices services, String service) {
        try {
            return services.vault().requireKey(service);
        } catch (LlmNotConfiguredException e) {
            throw new LLMNotConfiguredError(e);
        }
    }

    /**
     * {@code get_rate_limiter(provider, name, requests, input, output)}: the process-wide limiter of
     * {@code provider + "\" + name}, its three limits overwritten by these (null or &lt;= 0 = unlimited).
     *
     * @deprecated Use {@link RateLimiter} (the model's limits come from the registry) instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static SlidingWindowLimiter getRateLimiter(
            String provider, String name, Integer requests, Integer input, Integer output) {
        LegacyCalls.count("get_rate_limiter");
        return LegacyRateLimiters.processWide().get(provider, name, requests, input, output);
    }

    /**
     * {@code apply_rate_limiter_sync(model_config, input_text, callback)}: records one request and
     * {@code approximateTokens(text)} input tokens, then blocks while a limit is exceeded, asking {@code callback}
     * about every second. A null config does nothing.
     *
     * @return the model's limiter (to record output tokens on), or null for a null config
     * @deprecated Use {@link RateLimiter#admit} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static SlidingWindowLimiter applyRateLimiter(
            ModelConfig modelConfig, String inputText, SlidingWindowLimiter.Callback callback) {
        LegacyCalls.count("apply_rate_limiter");
        return rateLimit(modelConfig, inputText, callback);
    }

    static SlidingWindowLimiter rateLimit(
            ModelConfig modelConfig, String inputText, SlidingWindowLimiter.Callback callback) {
        if (modelConfig == null) {
            return null;
        }
        return LegacyRateLimiters.processWide()
                .apply(
                        modelConfig.provider(),
                        modelConfig.name(),
                        modelConfig.limitRequests(),
                        modelConfig.limitInput(),
                        modelConfig.limitOutput(),
                        inputText,
                        callback);
    }

    /**
     * {@code await apply_rate_limiter(...)}: as {@link #applyRateLimiter}, but completes when the caller may go on
     * instead of blocking a thread. A null config completes at once with null.
     *
     * @deprecated Use {@link RateLimiter#admit} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static CompletionStage<SlidingWindowLimiter> applyRateLimiterAsync(
            ModelConfig modelConfig, String inputText, SlidingWindowLimiter.Callback callback) {
        LegacyCalls.count("apply_rate_limiter");
        if (modelConfig == null) {
            return CompletableFuture.completedFuture(null);
        }
        return LegacyRateLimiters.processWide()
                .applyAsync(
                        modelConfig.provider(),
                        modelConfig.name(),
                        modelConfig.limitRequests(),
                        modelConfig.limitInput(),
                        modelConfig.limitOutput(),
                        inputText,
                        callback);
    }

    /**
     * {@code approximate_tokens(text)}: {@code floor(1.1 × cl100k tokens)}.
     *
     * @deprecated Use {@link TokenEstimator#approximateTokens(String)} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static int approximateTokens(String text) {
        LegacyCalls.count("approximate_tokens");
        return TokenEstimator.approximateTokens(text);
    }

    /**
     * {@code get_chat_model(provider, name, model_config=None, **kwargs)}: a new wrapper (none is cached). The provider
     * is lower-cased ({@code other} = any OpenAI-compatible server at {@code api_base}); kwargs, lowest precedence
     * first: {@code SA01_LITELLM_GLOBAL_KWARGS}, {@code kwargs} (typically {@code model_config.build_kwargs()}), the
     * key ({@code kwargs["api_key"]} when non-empty, else {@code get_api_key(provider)}), then the kwargs of each call.
     *
     * @param modelConfig the legacy config, for rate limiting and vision; null = no rate limiting
     * @param kwargs provider arguments; may be null
     * @throws LLMNotConfiguredError when {@code SA01_USE_LLM} is false, when the provider needs a key and has none, or
     *     when the key is the placeholder "None" or "NA"
     * @deprecated Use {@link io.llmadmin.services.llm.ChatService} with a registry model instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static LiteLLMChatWrapper getChatModel(
            String provider, String name, ModelConfig modelConfig, Map<String, Object> kwargs) {
        String caller = LegacyCalls.count("get_chat_model");
        LegacyServices services = LegacyServices.current();
        String providerName = provider.toLowerCase(Locale.ROOT);
        if (!llmEnabled(services)) {
            throw new LLMNotConfiguredError(
                    "LLM disabled in settings. Set USE_LLM=true for provider '" + providerName + "'.");
        }
        Map<String, Object> merged = mergedKwargs(services, kwargs);
        String key = resolveKey(services, providerName, merged.remove(LegacyKwargs.API_KEY), false);
        return new LiteLLMChatWrapper(services, providerName, name, modelConfig, merged, key, caller);
    }

    /**
     * {@code get_embedding_model(provider, name, model_config=None, **kwargs)}: a new wrapper, kwargs as for
     * {@link #getChatModel}. Provider {@code huggingface} with a {@code sentence-transformers/...} name is the in-process
     * model (all-MiniLM-L6-v2 runs offline) and needs no key.
     *
     * @throws LLMNotConfiguredError when the provider needs a key and has none, or the key is "None" or "NA"
     * @deprecated Use {@link io.llmadmin.services.llm.ChatService#embed} with a registry model instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static LiteLLMEmbeddingWrapper getEmbeddingModel(
            String provider, String name, ModelConfig modelConfig, Map<String, Object> kwargs) {
        String caller = LegacyCalls.count("get_embedding_model");
        LegacyServices services = LegacyServices.current();
        String providerName = provider.toLowerCase(Locale.ROOT);
        boolean local = providerName.equals("huggingface") && name.startsWith("sentence-transformers/");
        Map<String, Object> merged = mergedKwargs(services, kwargs);
        String key = resolveKey(services, providerName, merged.remove(LegacyKwargs.API_KEY), local);
        return new LiteLLMEmbeddingWrapper(services, providerName, name, modelConfig, merged, key, local, caller);
    }

    /**
     * {@code turn_off_logging()}: quiets the HTTP and LLM client loggers (LangChain4j, DJL, the JDK HTTP client) to
     * errors only. Idempotent.
     *
     * @deprecated Configure the loggers in Liberty's {@code server.xml} (or {@code logging.properties}) instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static void turnOffLogging() {
        LegacyCalls.count("turn_off_logging");
        quietClientLoggers();
    }

    static void quietClientLoggers() {
        for (Logger logger : CLIENT_LOGGERS) {
            logger.setLevel(Level.SEVERE);
        }
    }

    private static boolean llmEnabled(LegacyServices services) {
        return services.variable("SA01_USE_LLM")
                .map(value ->
                        Set.of("1", "true", "yes", "on").contains(value.trim().toLowerCase(Locale.ROOT)))
                .orElse(true);
    }

    private static Map<String, Object> mergedKwargs(LegacyServices services, Map<String, Object> kwargs) {
        Map<String, Object> merged = new LinkedHashMap<>(LegacyKwargs.globalDefaults(services));
        if (kwargs != null) {
            merged.putAll(kwargs);
        }
        return merged;
    }

    /**
     * The wrapper's key: an explicit non-empty one, else the vault's. Keyless providers (ollama, local, the in-process
     * embeddings) take one when there is one and go without otherwise; a placeholder "None"/"NA" means none for them
     * and is refused for the others.
     */
    private static String resolveKey(LegacyServices services, String provider, Object explicit, boolean inProcess) {
        String key = explicit == null || explicit.toString().isEmpty() ? null : explicit.toString();
        boolean keyless = inProcess || !services.vault().needsKey(provider);
        if (keyless) {
            if (key == null) {
                key = services.vault().nextKey(provider).orElse(null);
            }
            return key == null || PLACEHOLDER_KEYS.contains(key) ? null : key;
        }
        if (key == null) {
            key = apiKey(services, provider);
        }
        if (PLACEHOLDER_KEYS.contains(key)) {
            throw new LLMNotConfiguredError(
                    "Invalid API key for provider '" + provider + "'. Configure proper API key.");
        }
        return key;
    }
}
