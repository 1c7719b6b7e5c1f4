package io.llmadmin.ported;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.legacy.ModelConfig;
import io.llmadmin.legacy.ModelType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code services/common/agent_config_loader.py}: {@code from models import ModelConfig, ModelType}; builds each
 * section's config with rpm mapped to {@code limit_requests}, tpm to {@code limit_input}, {@code limit_output} 0.
 */
@SuppressWarnings("removal")
class CommonAgentConfigLoaderPyTest {

    /** {@code build_model_config(idx, section, model_type)}, as ported. */
    private static ModelConfig buildModelConfig(String idx, Map<String, Object> section, ModelType modelType) {
        Object kwargs = section.getOrDefault(idx + "_kwargs", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> kwargMap = kwargs instanceof Map<?, ?> ? (Map<String, Object>) kwargs : Map.of();
        return new ModelConfig(
                modelType,
                (String) section.get(idx + "_provider"),
                (String) section.get(idx + "_model_name"),
                (String) section.getOrDefault(idx + "_base_url", ""),
                Integer.parseInt(String.valueOf(section.getOrDefault(idx + "_context_length", 0))),
                Integer.parseInt(String.valueOf(section.getOrDefault(idx + "_rpm", 0))),
                Integer.parseInt(String.valueOf(section.getOrDefault(idx + "_tpm", 0))),
                0,
                Boolean.TRUE.equals(section.get(idx + "_vision")),
                new HashMap<>(kwargMap));
    }

    @Test
    void should_map_rpm_and_tpm_to_the_request_and_input_limits() {
        Map<String, Object> chatSection = Map.of(
                "chat_provider", "gemini",
                "chat_model_name", "gemini-1.5-flash",
                "chat_context_length", "1000000",
                "chat_rpm", "15",
                "chat_tpm", 250000,
                "chat_kwargs", Map.of("temperature", 0.2));

        ModelConfig chat = buildModelConfig("chat", chatSection, ModelType.fromValue("Chat"));
        ModelConfig embedding = buildModelConfig(
                "embedding",
                Map.of("embedding_provider", "huggingface", "embedding_model_name", "sentence-transformers/x"),
                ModelType.EMBEDDING);

        assertThat(chat.limitRequests()).isEqualTo(15);
        assertThat(chat.limitInput()).isEqualTo(250000);
        assertThat(chat.limitOutput()).isZero();
        assertThat(chat.ctxLength()).isEqualTo(1000000);
        assertThat(chat.buildKwargs()).containsExactly(Map.entry("temperature", 0.2));
        assertThat(embedding.type()).isEqualTo(ModelType.EMBEDDING);
        assertThat(embedding.apiBase()).isEmpty();
    }
}
