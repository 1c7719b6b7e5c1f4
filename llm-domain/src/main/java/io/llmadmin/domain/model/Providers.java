package io.llmadmin.domain.model;

import java.util.List;

/**
 * The provider ids a model may be routed to. {@code other} is any OpenAI-compatible server reached through the
 * model's api base; {@code local} and {@code inference-service} are the organisation's own servers.
 */
public final class Providers {

    /** Every known provider id, in the order the console lists them. */
    public static final List<String> KNOWN = List.of(
            "openai",
            "anthropic",
            "gemini",
            "ollama",
            "mistral",
            "deepseek",
            "qwen",
            "openrouter",
            "groq",
            "huggingface",
            "local",
            "inference-service",
            "other");

    private Providers() {}

    /** Whether the id is one of {@link #KNOWN}, exactly (provider ids are lower case). */
    public static boolean isKnown(String provider) {
        return provider != null && KNOWN.contains(provider);
    }
}
