package io.llmadmin.ported;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.legacy.LiteLLMChatWrapper;
import io.llmadmin.legacy.LiteLLMEmbeddingWrapper;
import io.llmadmin.legacy.ModelConfig;
import io.llmadmin.legacy.ModelType;
import io.llmadmin.legacy.Models;
import io.llmadmin.legacy.ResponseAndReasoning;
import io.llmadmin.legacy.testing.FacadeServices;
import io.llmadmin.legacy.testing.OpenAiSse;
import io.llmadmin.services.legacycalls.LegacyCallCount;
import io.llmadmin.services.legacycalls.LegacyCallCounts;
import io.llmadmin.services.llm.ChatMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent.py}: builds its chat model with {@code get_chat_model(cfg.provider, cfg.name, cfg,
 * **cfg.build_kwargs())} and its embeddings with {@code get_embedding_model(...)}, then streams every turn through
 * {@code unified_call} with the response, reasoning and rate-limiter callbacks.
 */
@SuppressWarnings("removal")
class AgentPyTest {

    @TempDir
    Path dataDirectory;

    private final WireMockServer provider = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        provider.start();
        FacadeServices.install(Map.of("DEEPSEEK_API_KEY", "sk-deepseek-0123456789"), dataDirectory);
    }

    @AfterEach
    void stop() {
        provider.stop();
        FacadeServices.uninstall();
    }

    /** {@code Agent.call_chat_model}, as ported. */
    private ResponseAndReasoning callChatModel(
            ModelConfig cfg, List<ChatMessage> history, String system, List<String> log) {
        LiteLLMChatWrapper model = Models.getChatModel(cfg.provider(), cfg.name(), cfg, cfg.buildKwargs());
        return model.unifiedCall(
                system,
                "",
                history,
                (chunk, full) -> log.add("stream:" + full),
                (chunk, full) -> log.add("reasoning:" + full),
                null,
                (message, key, total, limit) -> {
                    log.add("waiting:" + message);
                    return true;
                },
                null);
    }

    @Test
    void should_stream_a_turn_with_reasoning_and_answer_through_the_callbacks_it_registers() {
        provider.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiSse.reasoning("user wants hi")
                                + OpenAiSse.content("{\"tool_name\": ")
                                + OpenAiSse.content("\"response\"}")
                                + OpenAiSse.end())));
        ModelConfig cfg = new ModelConfig(
                ModelType.CHAT,
                "deepseek",
                "deepseek-reasoner",
                provider.baseUrl() + "/v1",
                64000,
                30,
                0,
                0,
                false,
                new java.util.HashMap<>(Map.of("temperature", 0)));
        List<ChatMessage> history = new ArrayList<>(List.of(ChatMessage.user("hi")));
        List<String> log = new ArrayList<>();

        ResponseAndReasoning result = callChatModel(cfg, history, "You are Agent Zero.", log);
        LiteLLMEmbeddingWrapper embeddings =
                Models.getEmbeddingModel("huggingface", "sentence-transformers/all-MiniLM-L6-v2", null, null);

        assertThat(result.response()).isEqualTo("{\"tool_name\": \"response\"}");
        assertThat(result.reasoning()).isEqualTo("user wants hi");
        assertThat(log)
                .containsExactly(
                        "reasoning:user wants hi", "stream:{\"tool_name\": ", "stream:{\"tool_name\": \"response\"}");
        assertThat(history).hasSize(1);
        assertThat(embeddings.isLocal()).isTrue();
        assertThat(LegacyCallCounts.snapshot())
                .filteredOn(count -> count.callerClass().equals(AgentPyTest.class.getName()))
                .extracting(LegacyCallCount::function)
                .contains("get_chat_model", "get_embedding_model", "LiteLLMChatWrapper.unified_call");
    }
}
