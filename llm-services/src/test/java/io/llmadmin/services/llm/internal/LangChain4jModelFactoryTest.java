package io.llmadmin.services.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.ChatModel;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LangChain4jModelFactoryTest {

    private final LangChain4jModelFactory factory = new LangChain4jModelFactory(Duration.ofSeconds(5));

    private static ModelConfiguration chat(String provider, String apiBase) {
        ModelConfiguration model = new ModelConfiguration("m1", ModelType.CHAT, provider, "some-model", "M1");
        model.routeTo(apiBase, null, false);
        return model;
    }

    @Test
    void should_reuse_the_built_model_when_the_configuration_and_key_are_unchanged() {
        ModelConfiguration model = chat("openai", "http://127.0.0.1:1/v1");

        ChatModel first = factory.chatModel(model, "key-1");
        ChatModel second = factory.chatModel(model, "key-1");

        assertThat(second).isSameAs(first);
        assertThat(factory.cachedModels()).isEqualTo(1);
    }

    @Test
    void should_rebuild_the_model_when_the_configuration_changes() {
        ModelConfiguration model = chat("openai", "http://127.0.0.1:1/v1");
        ChatModel before = factory.chatModel(model, "key-1");

        model.routeTo("http://127.0.0.1:2/v1", null, false);
        ChatModel after = factory.chatModel(model, "key-1");

        assertThat(after).isNotSameAs(before);
        assertThat(factory.cachedModels()).isEqualTo(1);
    }

    @Test
    void should_build_one_model_per_key_when_keys_rotate() {
        ModelConfiguration model = chat("openai", "http://127.0.0.1:1/v1");

        ChatModel first = factory.chatModel(model, "key-1");
        ChatModel second = factory.chatModel(model, "key-2");

        assertThat(second).isNotSameAs(first);
        assertThat(factory.chatModel(model, "key-1")).isSameAs(first);
    }

    @ParameterizedTest
    @CsvSource({
        "openai, https://api.openai.com/v1",
        "deepseek, https://api.deepseek.com/v1",
        "qwen, https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
        "openrouter, https://openrouter.ai/api/v1",
        "groq, https://api.groq.com/openai/v1",
        "vllm, http://localhost:8000/v1",
        "anthropic, https://api.anthropic.com/v1",
        "gemini, https://generativelanguage.googleapis.com/v1beta",
        "ollama, http://localhost:11434",
        "mistral, https://api.mistral.ai/v1"
    })
    void should_use_the_providers_address_when_the_model_sets_no_api_base(String provider, String expected) {
        assertThat(LangChain4jModelFactory.baseUrl(chat(provider, null))).isEqualTo(expected);
    }

    @Test
    void should_use_the_models_api_base_without_a_trailing_slash_when_it_sets_one() {
        assertThat(LangChain4jModelFactory.baseUrl(chat("groq", "http://my-proxy:8080/v1/")))
                .isEqualTo("http://my-proxy:8080/v1");
    }

    @Test
    void should_refuse_an_openai_compatible_server_without_an_api_base() {
        assertThatThrownBy(() -> factory.chatModel(chat("other", ""), null))
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessageContaining("api base")
                .hasMessageContaining("other");
    }

    @Test
    void should_refuse_a_provider_it_cannot_call() {
        assertThatThrownBy(() -> factory.chatModel(chat("carrier-pigeon", null), "k"))
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessageContaining("carrier-pigeon");
    }

    @Test
    void should_refuse_embeddings_from_a_provider_without_them() {
        ModelConfiguration model = new ModelConfiguration("e1", ModelType.EMBEDDING, "anthropic", "x", "E1");

        assertThatThrownBy(() -> factory.embeddingModel(model, "k"))
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessageContaining("anthropic");
    }

    @Test
    void should_refuse_a_huggingface_model_that_does_not_run_in_process() {
        ModelConfiguration model =
                new ModelConfiguration("e1", ModelType.EMBEDDING, "huggingface", "BAAI/bge-large-en", "E1");

        assertThatThrownBy(() -> factory.embeddingModel(model, null))
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessageContaining("BAAI/bge-large-en");
    }

    @Test
    void should_tell_keys_apart_without_holding_them() {
        String fingerprint = LangChain4jModelFactory.fingerprint("sk-secret-value");

        assertThat(fingerprint).hasSize(16).doesNotContain("secret");
        assertThat(LangChain4jModelFactory.fingerprint("sk-other-value")).isNotEqualTo(fingerprint);
    }
}
