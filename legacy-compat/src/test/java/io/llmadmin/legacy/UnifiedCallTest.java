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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.llmadmin.legacy.testing.FacadeServices;
import io.llmadmin.legacy.testing.OpenAiSse;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmAuthenticationException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.testsupport.RawHttpServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The legacy contract (ARCHITECTURE.md, "The strangler gate"), "unifiedCall", against a real local server speaking OpenAI chat-completions SSE (provider
 * {@code other}, so any OpenAI-compatible server).
 */
@SuppressWarnings("removal")
class UnifiedCallTest {

    private static final String CHAT = "/v1/chat/completions";

    @TempDir
    Path dataDirectory;

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server.start();
        FacadeServices.install(Map.of("OTHER_API_KEY", "sk-other-0123456789"), dataDirectory);
    }

    @AfterEach
    void stop() {
        server.stop();
        FacadeServices.uninstall();
    }

    private ModelConfig config(int limitRequests) {
        return new ModelConfig(
                ModelType.CHAT,
                "other",
                "m-" + UUID.randomUUID(),
                server.baseUrl() + "/v1",
                0,
                limitRequests,
                0,
                0,
                false,
                new HashMap<>());
    }

    private LiteLLMChatWrapper wrapper(ModelConfig config) {
        return Models.getChatModel(config.provider(), config.name(), config, config.buildKwargs());
    }

    private void streams(String body) {
        server.stubFor(post(urlPathEqualTo(CHAT))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(body)));
    }

    private ResponseAndReasoning call(LiteLLMChatWrapper model, Map<String, Object> kwargs) {
        return model.unifiedCall(
                "You are terse.",
                "Say hi",
                null,
                (delta, soFar) -> events.add("response " + delta + " | " + soFar),
                (delta, soFar) -> events.add("reasoning " + delta + " | " + soFar),
                (delta, tokens) -> events.add("tokens " + delta + " " + tokens),
                null,
                kwargs);
    }

    @Test
    void should_call_back_in_the_legacy_order_and_return_response_and_reasoning_when_think_is_split_across_chunks() {
        streams(OpenAiSse.stream(List.of("<thi", "nk>plan", "</th", "ink>Hel", "lo")));

        ResponseAndReasoning result = call(wrapper(config(0)), null);

        assertThat(result).isEqualTo(new ResponseAndReasoning("Hello", "plan"));
        assertThat(events)
                .containsExactly(
                        "reasoning plan | plan",
                        "tokens plan 1",
                        "response Hel | Hel",
                        "tokens Hel 1",
                        "response lo | Hello",
                        "tokens lo 1");
    }

    @Test
    void should_pass_deepseek_reasoning_content_to_the_reasoning_callback() {
        streams(OpenAiSse.reasoning("think")
                + OpenAiSse.reasoning(" hard")
                + OpenAiSse.content("42")
                + OpenAiSse.end());

        ResponseAndReasoning result = call(wrapper(config(0)), null);

        assertThat(result).isEqualTo(new ResponseAndReasoning("42", "think hard"));
        assertThat(events)
                .containsExactly(
                        "reasoning think | think",
                        "tokens think 1",
                        "reasoning  hard | think hard",
                        "tokens  hard 1",
                        "response 42 | 42",
                        "tokens 42 1");
    }

    @Test
    void should_send_system_first_and_user_last_without_changing_the_callers_list() {
        streams(OpenAiSse.stream(List.of("ok")));
        List<ChatMessage> history = new ArrayList<>(List.of(ChatMessage.user("earlier"), ChatMessage.assistant("yes")));

        wrapper(config(0)).unifiedCall("sys", "now", history, null, null, null, null, null);

        assertThat(history).hasSize(2);
        server.verify(postRequestedFor(urlPathEqualTo(CHAT))
                .withHeader("Authorization", equalTo("Bearer sk-other-0123456789"))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("earlier")))
                .withRequestBody(matchingJsonPath("$.messages[2].role", equalTo("assistant")))
                .withRequestBody(matchingJsonPath("$.messages[3].content", equalTo("now")))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
    }

    @Test
    void should_rate_limit_once_per_call_and_record_output_tokens_after_each_delta() {
        streams(OpenAiSse.stream(List.of("hello", " hello", " hello")));
        ModelConfig config = config(5);

        call(wrapper(config), null);

        SlidingWindowLimiter limiter = Models.getRateLimiter("other", config.name(), 5, 0, 0);
        assertThat(limiter.total(SlidingWindowLimiter.REQUESTS)).isEqualTo(1);
        assertThat(limiter.total(SlidingWindowLimiter.INPUT)).isPositive();
        assertThat(limiter.total(SlidingWindowLimiter.OUTPUT)).isEqualTo(3);
    }

    @Test
    void should_ask_the_rate_limiter_callback_when_the_previous_call_used_the_minute() {
        streams(OpenAiSse.stream(List.of("ok")));
        ModelConfig config = config(1);
        LiteLLMChatWrapper model = wrapper(config);
        model.unifiedCall("", "one", null, null, null, null, null, null);
        List<String> asked = new ArrayList<>();

        model.unifiedCall("", "two", null, null, null, null, (message, key, total, limit) -> asked.add(message), null);

        assertThat(asked).containsExactly("Rate limit exceeded for requests (2/1), waiting...");
    }

    @Test
    void should_retry_once_after_a_503_before_the_first_chunk_and_not_send_the_retry_kwargs() {
        server.stubFor(post(urlPathEqualTo(CHAT))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiSse.error("overloaded", "server_error")))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlPathEqualTo(CHAT))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiSse.stream(List.of("fine")))));

        ResponseAndReasoning result = call(wrapper(config(0)), Map.of("a0_retry_delay_seconds", 0.05));

        assertThat(result.response()).isEqualTo("fine");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(CHAT)))).hasSize(2);
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(CHAT))))
                .allSatisfy(request -> assertThat(request.getBodyAsString()).doesNotContain("a0_retry"));
    }

    @Test
    void should_make_one_attempt_plus_a0_retry_attempts_then_raise_when_the_server_stays_down() {
        server.stubFor(post(urlPathEqualTo(CHAT))
                .willReturn(aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiSse.error("bad gateway", "server_error"))));
        LiteLLMChatWrapper model = wrapper(config(0));

        assertThatThrownBy(() -> call(model, Map.of("a0_retry_delay_seconds", "0.01")))
                .isInstanceOf(LlmUnavailableException.class);
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(CHAT)))).hasSize(3);

        server.resetRequests();
        assertThatThrownBy(() -> call(model, Map.of("a0_retry_attempts", 0)))
                .isInstanceOf(LlmUnavailableException.class);
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(CHAT)))).hasSize(1);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {408, 429, 500, 504})
    void should_retry_a_transient_status_once_when_the_next_attempt_succeeds(int status) {
        server.stubFor(post(urlPathEqualTo(CHAT))
                .inScenario("transient")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiSse.error("try later", "server_error")))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlPathEqualTo(CHAT))
                .inScenario("transient")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiSse.stream(List.of("back")))));

        ResponseAndReasoning result = call(wrapper(config(0)), Map.of("a0_retry_delay_seconds", 0.01));

        assertThat(result.response()).isEqualTo("back");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(CHAT)))).hasSize(2);
    }

    @Test
    void should_retry_when_the_connection_drops_before_any_answer_and_give_up_after_the_retries() throws Exception {
        try (RawHttpServer raw = new RawHttpServer(exchange -> exchange.reset())) {
            ModelConfig config = new ModelConfig(
                    ModelType.CHAT, "other", "m-drop", raw.baseUrl() + "/v1", 0, 0, 0, 0, false, new HashMap<>());

            assertThatThrownBy(() -> call(wrapper(config), Map.of("a0_retry_delay_seconds", 0.01)))
                    .isInstanceOf(LlmUnavailableException.class);
            assertThat(raw.connections.get()).isEqualTo(3);
            assertThat(events).isEmpty();
        }
    }

    @Test
    void should_retry_a_stream_that_stays_silent_before_its_first_chunk() throws Exception {
        java.util.concurrent.atomic.AtomicInteger attempt = new java.util.concurrent.atomic.AtomicInteger();
        try (RawHttpServer raw = new RawHttpServer(exchange -> {
            exchange.startChunked("text/event-stream");
            if (attempt.incrementAndGet() == 1) {
                exchange.awaitClientClose(3000); // silent until the client gives up
                return;
            }
            exchange.chunk(OpenAiSse.content("late"));
            exchange.chunk(OpenAiSse.end());
            exchange.endChunked();
        })) {
            ModelConfig config = new ModelConfig(
                    ModelType.CHAT, "other", "m-silent", raw.baseUrl() + "/v1", 0, 0, 0, 0, false, new HashMap<>());

            ResponseAndReasoning result =
                    call(wrapper(config), Map.of("stream_timeout", 0.5, "a0_retry_delay_seconds", 0.01));

            assertThat(result.response()).isEqualTo("late");
            assertThat(raw.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void should_raise_not_configured_when_the_provider_cannot_be_called() {
        LiteLLMChatWrapper model = Models.getChatModel("other", "m", null, Map.of());

        assertThatThrownBy(() -> model.unifiedCall("", "hi", null, null, null, null, null, null))
                .isInstanceOf(LLMNotConfiguredError.class)
                .hasMessageContaining("needs an api base");
        assertThat(model.toString()).doesNotContain("sk-other-0123456789").contains("other/m");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 404})
    void should_raise_at_once_without_retrying_when_the_provider_refuses_the_request(int status) {
        server.stubFor(post(urlPathEqualTo(CHAT))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiSse.error("refused", "invalid_request_error"))));

        assertThatThrownBy(() -> call(wrapper(config(0)), Map.of("a0_retry_delay_seconds", 0.01)))
                .isInstanceOf(
                        switch (status) {
                            case 400 -> InvalidLlmRequestException.class;
                            case 401 -> LlmAuthenticationException.class;
                            default -> LlmNotFoundException.class;
                        });
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(CHAT)))).hasSize(1);
    }

    @Test
    void should_raise_with_the_partial_result_and_not_retry_when_the_stream_resets_after_output_started()
            throws Exception {
        try (RawHttpServer raw = new RawHttpServer(exchange -> {
            exchange.startChunked("text/event-stream");
            exchange.chunk(OpenAiSse.reasoning("why"));
            exchange.chunk(OpenAiSse.content("Hel"));
            Thread.sleep(200);
            exchange.reset();
        })) {
            ModelConfig config = new ModelConfig(
                    ModelType.CHAT, "other", "m-reset", raw.baseUrl() + "/v1", 0, 0, 0, 0, false, new HashMap<>());

            assertThatThrownBy(() -> call(wrapper(config), Map.of("a0_retry_delay_seconds", 0.01)))
                    .isInstanceOfSatisfying(PartialResponseError.class, error -> {
                        assertThat(error.partialResult()).isEqualTo(new ResponseAndReasoning("Hel", "why"));
                        assertThat(error.getCause()).isInstanceOf(LlmUnavailableException.class);
                    });
            assertThat(raw.connections.get()).isEqualTo(1);
            assertThat(events).contains("response Hel | Hel");
        }
    }

    @Test
    void should_let_per_call_kwargs_override_the_wrappers_and_send_them_upstream() {
        streams(OpenAiSse.stream(List.of("ok")));
        ModelConfig config = config(0);
        LiteLLMChatWrapper model = Models.getChatModel(
                "OTHER",
                config.name(),
                config,
                Map.of("api_base", server.baseUrl() + "/v1", "temperature", 0.2, "max_tokens", "64"));

        model.unifiedCall("", "hi", null, null, null, null, null, Map.of("temperature", 0.7, "api_key", "sk-call-1"));

        server.verify(postRequestedFor(urlPathEqualTo(CHAT))
                .withHeader("Authorization", equalTo("Bearer sk-call-1"))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.7")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("64"))));
        assertThat(model.provider()).isEqualTo("other");
    }

    @Test
    void should_raise_the_callbacks_own_exception_when_a_callback_fails() {
        streams(OpenAiSse.stream(List.of("a", "b")));
        IllegalStateException boom = new IllegalStateException("consumer gone");

        assertThatThrownBy(() -> wrapper(config(0))
                        .unifiedCall(
                                "",
                                "hi",
                                null,
                                (delta, soFar) -> {
                                    throw boom;
                                },
                                null,
                                null,
                                null,
                                null))
                .isSameAs(boom);
    }
}
