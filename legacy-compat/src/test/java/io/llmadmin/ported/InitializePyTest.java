package io.llmadmin.ported;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.legacy.ModelConfig;
import io.llmadmin.legacy.ModelType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code initialize.py}: turns the settings into the four {@code ModelConfig}s of the agent (chat, utility, embedding,
 * browser), each with its provider, name, api base, context length, limits, vision and kwargs.
 */
@SuppressWarnings("removal")
class InitializePyTest {

    private static final Map<String, Object> SETTINGS = Map.ofEntries(
            Map.entry("chat_model_provider", "openai"),
            Map.entry("chat_model_name", "gpt-4o"),
            Map.entry("chat_model_api_base", ""),
            Map.entry("chat_model_ctx_length", 128000),
            Map.entry("chat_model_vision", true),
            Map.entry("chat_model_rl_requests", 60),
            Map.entry("chat_model_rl_input", 100000),
            Map.entry("chat_model_rl_output", 20000),
            Map.entry("chat_model_kwargs", Map.of("temperature", "0")),
            Map.entry("util_model_provider", "groq"),
            Map.entry("util_model_name", "llama-3.1-8b-instant"),
            Map.entry("util_model_api_base", "https://api.groq.com/openai/v1"),
            Map.entry("embed_model_provider", "huggingface"),
            Map.entry("embed_model_name", "sentence-transformers/all-MiniLM-L6-v2"),
            Map.entry("browser_model_provider", "openrouter"),
            Map.entry("browser_model_name", "openai/gpt-4.1"),
            Map.entry("browser_model_vision", true));

    /** {@code initialize_agent()}'s four {@code models.ModelConfig(...)} calls, as ported. */
    private static ModelConfig modelConfig(ModelType type, String prefix) {
        @SuppressWarnings("unchecked")
        Map<String, Object> kwargs = (Map<String, Object>) SETTINGS.getOrDefault(prefix + "_kwargs", Map.of());
        return new ModelConfig(
                type,
                (String) SETTINGS.get(prefix + "_provider"),
                (String) SETTINGS.get(prefix + "_name"),
                (String) SETTINGS.getOrDefault(prefix + "_api_base", ""),
                (int) SETTINGS.getOrDefault(prefix + "_ctx_length", 0),
                (int) SETTINGS.getOrDefault(prefix + "_rl_requests", 0),
                (int) SETTINGS.getOrDefault(prefix + "_rl_input", 0),
                (int) SETTINGS.getOrDefault(prefix + "_rl_output", 0),
                (boolean) SETTINGS.getOrDefault(prefix + "_vision", false),
                new HashMap<>(kwargs));
    }

    @Test
    void should_build_the_chat_utility_embedding_and_browser_configs_from_the_settings() {
        ModelConfig chat = modelConfig(ModelType.CHAT, "chat_model");
        ModelConfig utility = modelConfig(ModelType.CHAT, "util_model");
        ModelConfig embedding = modelConfig(ModelType.EMBEDDING, "embed_model");
        ModelConfig browser = modelConfig(ModelType.CHAT, "browser_model");

        assertThat(chat.limitRequests()).isEqualTo(60);
        assertThat(chat.ctxLength()).isEqualTo(128000);
        assertThat(chat.buildKwargs()).containsExactly(Map.entry("temperature", "0"));
        assertThat(utility.buildKwargs()).containsEntry("api_base", "https://api.groq.com/openai/v1");
        assertThat(embedding.type().value()).isEqualTo("Embedding");
        assertThat(embedding.limitInput()).isZero();
        assertThat(browser.vision()).isTrue();
        assertThat(browser.type()).isEqualTo(ModelType.fromValue("Chat"));
    }
}
