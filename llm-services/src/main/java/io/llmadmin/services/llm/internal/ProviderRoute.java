package io.llmadmin.services.llm.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which client a provider id is called with, its default base URL, and whether it needs a key. Every
 * OpenAI-compatible server goes through the OpenAI client with the model's api base.
 */
enum ProviderRoute {
    OPENAI("https://api.openai.com/v1", true),
    OPENAI_COMPATIBLE(null, false),
    ANTHROPIC("https://api.anthropic.com/v1", true),
    GEMINI("https://generativelanguage.googleapis.com/v1beta", true),
    OLLAMA("http://localhost:11434", false),
    MISTRAL("https://api.mistral.ai/v1", true),
    /** The all-MiniLM-L6-v2 embedding model inside this process. */
    IN_PROCESS(null, false),
    /** Images and speech through the inference service. */
    INFERENCE_SERVICE(null, false);

    /** The OpenAI-compatible providers we know the base URL of, and whether they need a key. */
    private static final Map<String, String> COMPATIBLE_BASES = Map.of(
            "deepseek", "https://api.deepseek.com/v1",
            "qwen", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
            "dashscope", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
            "openrouter", "https://openrouter.ai/api/v1",
            "groq", "https://api.groq.com/openai/v1",
            "vllm", "http://localhost:8000/v1");

    private static final java.util.Set<String> KEYED_COMPATIBLE =
            java.util.Set.of("deepseek", "qwen", "dashscope", "openrouter", "groq");

    private final String defaultBaseUrl;
    private final boolean needsKey;

    ProviderRoute(String defaultBaseUrl, boolean needsKey) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.needsKey = needsKey;
    }

    /** The route of a provider id (case-insensitive), or empty when we cannot call it. */
    static Optional<ProviderRoute> of(String provider) {
        return Optional.ofNullable(
                switch (provider.toLowerCase(Locale.ROOT)) {
                    case "openai" -> OPENAI;
                    case "other", "openai-compatible", "deepseek", "qwen", "dashscope", "openrouter", "groq", "vllm" ->
                        OPENAI_COMPATIBLE;
                    case "anthropic" -> ANTHROPIC;
                    case "gemini", "google" -> GEMINI;
                    case "ollama" -> OLLAMA;
                    case "mistral", "mistralai" -> MISTRAL;
                    case "local", "huggingface" -> IN_PROCESS;
                    case "inference-service" -> INFERENCE_SERVICE;
                    default -> null;
                });
    }

    /** The base URL when the model sets no api base, or empty when it must set one ({@code other}). */
    Optional<String> defaultBaseUrl(String provider) {
        if (this == OPENAI_COMPATIBLE) {
            return Optional.ofNullable(COMPATIBLE_BASES.get(provider.toLowerCase(Locale.ROOT)));
        }
        return Optional.ofNullable(defaultBaseUrl);
    }

    /** Whether a call cannot go without a key (self-hosted OpenAI-compatible servers take one when stored). */
    boolean needsKey(String provider) {
        return this == OPENAI_COMPATIBLE ? KEYED_COMPATIBLE.contains(provider.toLowerCase(Locale.ROOT)) : needsKey;
    }
}
