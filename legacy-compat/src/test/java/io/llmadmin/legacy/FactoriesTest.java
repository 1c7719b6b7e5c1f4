package io.llmadmin.legacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.legacy.testing.FacadeServices;
import io.llmadmin.legacy.testing.OpenAiSse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The legacy contract (ARCHITECTURE.md, "The strangler gate"), "Factories": kwargs precedence, keys, and the errors with their exact messages. */
@SuppressWarnings("removal")
class FactoriesTest {

    private static final String CHAT = "/v1/chat/completions";

    @TempDir
    Path dataDirectory;

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    @AfterEach
    void stop() {
        if (server.isRunning()) {
            server.stop();
        }
        FacadeServices.uninstall();
    }

    private void install(Map<String, String> environment) {
        FacadeServices.install(environment, dataDirectory);
    }

    @Test
    void should_turn_string_numbers_of_the_global_kwargs_into_numbers_below_the_callers_kwargs() {
        install(Map.of(
                "OPENAI_API_KEY", "sk-openai-0123456789",
                "SA01_LITELLM_GLOBAL_KWARGS",
                        "{\"timeout\": \"30\", \"temperature\": \"0.1\", \"stream_timeout\": 12, \"label\": \"x1\"}"));

        LiteLLMChatWrapper model = Models.getChatModel("openai", "gpt-4o", null, Map.of("temperature", 0.5));

        assertThat(model.kwargs())
                .containsEntry("timeout", 30)
                .containsEntry("stream_timeout", 12)
                .containsEntry("label", "x1")
                .containsEntry("temperature", 0.5)
                .doesNotContainKey("api_key");
    }

    @Test
    void should_ignore_global_kwargs_that_are_not_a_json_object() {
        install(Map.of("OPENAI_API_KEY", "sk-openai-0123456789", "SA01_LITELLM_GLOBAL_KWARGS", "[1, 2]"));

        assertThat(Models.getChatModel("openai", "gpt-4o", null, null).kwargs()).isEmpty();
    }

    @Test
    void should_lower_case_the_provider() {
        install(Map.of("OPENAI_API_KEY", "sk-openai-0123456789"));

        assertThat(Models.getChatModel("OpenAI", "gpt-4o", null, null).provider())
                .isEqualTo("openai");
    }

    @Test
    void should_send_the_explicit_key_and_fall_back_to_get_api_key_when_it_is_empty() {
        server.start();
        server.stubFor(post(urlPathEqualTo(CHAT))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiSse.stream(List.of("ok")))));
        install(Map.of("OTHER_API_KEY", "sk-env-1,sk-env-2"));
        Map<String, Object> kwargs = new HashMap<>(Map.of("api_base", server.baseUrl() + "/v1"));

        kwargs.put("api_key", "sk-explicit-1");
        Models.getChatModel("other", "m", null, kwargs).unifiedCall("", "a", null, null, null, null, null, null);
        kwargs.put("api_key", "");
        Models.getChatModel("other", "m", null, kwargs).unifiedCall("", "b", null, null, null, null, null, null);
        Models.getChatModel("other", "m", null, kwargs).unifiedCall("", "c", null, null, null, null, null, null);

        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(CHAT))))
                .extracting(request -> request.getHeader("Authorization"))
                .containsExactly("Bearer sk-explicit-1", "Bearer sk-env-1", "Bearer sk-env-2");
    }

    @Test
    void should_keep_the_key_chosen_when_the_wrapper_was_built_for_all_its_calls() {
        server.start();
        server.stubFor(post(urlPathEqualTo(CHAT))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiSse.stream(List.of("ok")))));
        install(Map.of("OTHER_API_KEY", "sk-env-1,sk-env-2"));
        LiteLLMChatWrapper model =
                Models.getChatModel("other", "m", null, Map.of("api_base", server.baseUrl() + "/v1"));

        model.unifiedCall("", "a", null, null, null, null, null, Map.of("temperature", 0.3));
        model.unifiedCall("", "b", null, null, null, null, null, null);

        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(CHAT))))
                .extracting(request -> request.getHeader("Authorization"))
                .containsExactly("Bearer sk-env-1", "Bearer sk-env-1");
        server.verify(
                1,
                postRequestedFor(urlPathEqualTo(CHAT))
                        .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.3"))));
    }

    @Test
    void should_build_a_new_wrapper_on_every_call() {
        install(Map.of("OPENAI_API_KEY", "sk-openai-0123456789"));

        assertThat(Models.getChatModel("openai", "gpt-4o", null, null))
                .isNotSameAs(Models.getChatModel("openai", "gpt-4o", null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "0", "no", "off", "False"})
    void should_refuse_with_the_exact_message_when_sa01_use_llm_is_false(String value) {
        install(Map.of("SA01_USE_LLM", value, "GROQ_API_KEY", "gsk-0123456789"));

        assertThatThrownBy(() -> Models.getChatModel("Groq", "llama3", null, null))
                .isInstanceOf(LLMNotConfiguredError.class)
                .hasMessage("LLM disabled in settings. Set USE_LLM=true for provider 'groq'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "1", "yes", "ON"})
    void should_build_the_model_when_sa01_use_llm_is_true(String value) {
        install(Map.of("SA01_USE_LLM", value, "GROQ_API_KEY", "gsk-0123456789"));

        assertThat(Models.getChatModel("groq", "llama3", null, null).modelName())
                .isEqualTo("llama3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"None", "NA"})
    void should_refuse_a_placeholder_key_naming_the_provider(String placeholder) {
        install(Map.of("MISTRAL_API_KEY", placeholder));

        assertThatThrownBy(() -> Models.getChatModel("mistral", "mistral-small", null, null))
                .isInstanceOf(LLMNotConfiguredError.class)
                .hasMessage("Invalid API key for provider 'mistral'. Configure proper API key.");
        assertThatThrownBy(() -> Models.getEmbeddingModel(
                        "openai", "text-embedding-3-small", null, Map.of("api_key", placeholder)))
                .isInstanceOf(LLMNotConfiguredError.class)
                .hasMessage("Invalid API key for provider 'openai'. Configure proper API key.");
    }

    @Test
    void should_refuse_a_provider_that_needs_a_key_and_has_none() {
        install(Map.of());

        assertThatThrownBy(() -> Models.getChatModel("anthropic", "claude", null, null))
                .isInstanceOf(LLMNotConfiguredError.class)
                .hasMessageContaining("'anthropic'");
    }

    @Test
    void should_build_keyless_providers_without_any_key() {
        install(Map.of());

        assertThat(Models.getChatModel("Ollama", "llama3", null, null).provider())
                .isEqualTo("ollama");
        assertThat(Models.getEmbeddingModel("ollama", "nomic-embed-text", null, null)
                        .isLocal())
                .isFalse();
        assertThat(Models.getEmbeddingModel("huggingface", "sentence-transformers/all-MiniLM-L6-v2", null, null)
                        .isLocal())
                .isTrue();
    }

    @Test
    void should_quiet_the_client_loggers_and_stay_quiet_when_called_again() {
        Models.turnOffLogging();
        Models.turnOffLogging();

        assertThat(Logger.getLogger("dev.langchain4j").getLevel()).isEqualTo(Level.SEVERE);
        assertThat(Logger.getLogger("ai.djl").getLevel()).isEqualTo(Level.SEVERE);
        assertThat(Logger.getLogger("jdk.httpclient.HttpClient").getLevel()).isEqualTo(Level.SEVERE);
    }

    @Test
    void should_carry_the_services_exception_as_the_cause_of_not_configured() {
        LLMNotConfiguredError error = new LLMNotConfiguredError("nothing here for 'x'");

        assertThat(error).isInstanceOf(RuntimeException.class).hasMessage("nothing here for 'x'");
        assertThat(error.getCause().getMessage()).isEqualTo("nothing here for 'x'");
    }
}
