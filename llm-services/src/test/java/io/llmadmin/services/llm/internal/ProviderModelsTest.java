package io.llmadmin.services.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.errors.LlmNotConfiguredException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every provider's clients are built from its row: each option {@code ProviderModels} sets by name exists on each
 * builder, so a LangChain4j upgrade that renames one fails here rather than on a call.
 */
class ProviderModelsTest {

    private static final List<ProviderModels> WITH_EMBEDDINGS =
            List.of(ProviderModels.OPENAI, ProviderModels.GEMINI, ProviderModels.OLLAMA, ProviderModels.MISTRAL);

    private static ProviderModels.Settings settings() {
        return new ProviderModels.Settings(
                ProviderHttpClient.builder(),
                "http://127.0.0.1:9",
                "sk-test",
                "some-model",
                Duration.ofSeconds(5),
                "Model 'm': provider 'p'",
                "{\"safety_settings\": [{\"category\": \"HARM_CATEGORY_HARASSMENT\", \"threshold\": \"BLOCK_NONE\"}]}");
    }

    @Test
    void should_build_the_chat_and_streaming_clients_of_every_provider() {
        for (ProviderModels provider : List.of(
                ProviderModels.OPENAI,
                ProviderModels.ANTHROPIC,
                ProviderModels.GEMINI,
                ProviderModels.OLLAMA,
                ProviderModels.MISTRAL)) {
            assertThat(provider.chat(settings())).isNotNull();
            assertThat(provider.streamingChat(settings())).isNotNull();
        }
    }

    @Test
    void should_build_the_embedding_clients_of_every_provider_that_offers_them() {
        for (ProviderModels provider : WITH_EMBEDDINGS) {
            assertThat(provider.embedding(settings())).isNotNull();
        }
    }

    @Test
    void should_refuse_embeddings_from_anthropic_naming_the_model() {
        assertThatThrownBy(() -> ProviderModels.ANTHROPIC.embedding(settings()))
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessage("Model 'm': provider 'p' offers no embeddings here");
    }
}
