package io.llmadmin.services.llm.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each provider's real wire format, served by a local WireMock server, through the chat service end to end. */
class ProviderWireFormatTest {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final List<CallRecord> records = TestSupport.records();
    private final TestSupport.RecordingGuard guard = new TestSupport.RecordingGuard();

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private LangChain4jChatService serviceFor(ProviderWire wire, int retries) {
        TestSupport.Models models = new TestSupport.Models().add(wire.model("m1", server.baseUrl()));
        return TestSupport.service(models, guard, records, retries);
    }

    private static ChatCall hello() {
        return ChatCall.builder("m1")
                .message(ChatMessage.system("Be brief."))
                .message(ChatMessage.user("Say hello"))
                .caller("tester")
                .build();
    }

    @ParameterizedTest
    @EnumSource(ProviderWire.class)
    void should_return_the_answer_and_usage_when_the_provider_answers_json(ProviderWire wire) {
        // given
        server.stubFor(post(urlPathEqualTo(wire.chatPath))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(wire.answer("Hello!"))));

        // when
        ChatResult result = serviceFor(wire, 0).chat(hello());

        // then
        assertThat(result.response()).isEqualTo("Hello!");
        assertThat(result.reasoning()).isEmpty();
        assertThat(result.model()).isEqualTo("m1");
        assertThat(result.usage()).contains(new TokenUsage(5, 2));
        server.verify(postRequestedFor(urlPathEqualTo(wire.chatPath)).withRequestBody(containing("Say hello")));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.outcome()).isEqualTo(CallOutcome.SUCCEEDED);
            assertThat(record.usage()).contains(new TokenUsage(5, 2));
            assertThat(record.caller()).isEqualTo("tester");
        });
        assertThat(guard.settled).hasSize(1);
        assertThat(guard.admissions)
                .singleElement()
                .satisfies(admission -> assertThat(admission.promptText()).contains("Say hello"));
    }

    @ParameterizedTest
    @EnumSource(ProviderWire.class)
    void should_split_a_think_block_from_the_answer_when_the_model_writes_its_reasoning_inline(ProviderWire wire) {
        server.stubFor(post(urlPathEqualTo(wire.chatPath))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(wire.answer("<think>2+2 is 4</think>It is 4."))));

        ChatResult result = serviceFor(wire, 0).chat(hello());

        assertThat(result.response()).isEqualTo("It is 4.");
        assertThat(result.reasoning()).isEqualTo("2+2 is 4");
    }

    @ParameterizedTest
    @EnumSource(ProviderWire.class)
    void should_stream_response_deltas_when_the_provider_streams(ProviderWire wire) throws Exception {
        // given: a <think> block split across chunks, then the answer
        server.stubFor(post(urlPathEqualTo(wire.streamPath))
                .willReturn(aResponse()
                        .withHeader("Content-Type", wire.streamContentType)
                        .withBody(wire.stream(List.of(), List.of("<thi", "nk>let me se", "e</th", "ink>Hel", "lo!")))));
        TestSupport.CollectingListener listener = new TestSupport.CollectingListener();

        // when
        serviceFor(wire, 0).stream(hello(), listener);
        ChatResult result = listener.completed.get(10, TimeUnit.SECONDS);

        // then
        assertThat(result.response()).isEqualTo("Hello!");
        assertThat(result.reasoning()).isEqualTo("let me see");
        assertThat(listener.responseText()).isEqualTo("Hello!");
        assertThat(listener.reasoningText()).isEqualTo("let me see");
        assertThat(listener.events).doesNotContain("response:<thi", "response:</th");
        assertThat(records)
                .singleElement()
                .satisfies(record -> assertThat(record.outcome()).isEqualTo(CallOutcome.SUCCEEDED));
    }

    @ParameterizedTest
    @EnumSource(
            value = ProviderWire.class,
            names = {"DEEPSEEK", "ANTHROPIC", "GEMINI", "OLLAMA"})
    void should_stream_native_reasoning_apart_from_the_response_when_the_provider_sends_it(ProviderWire wire)
            throws Exception {
        server.stubFor(post(urlPathEqualTo(wire.streamPath))
                .willReturn(aResponse()
                        .withHeader("Content-Type", wire.streamContentType)
                        .withBody(wire.stream(List.of("First, ", "think."), List.of("The ", "answer.")))));
        TestSupport.CollectingListener listener = new TestSupport.CollectingListener();

        serviceFor(wire, 0).stream(hello(), listener);
        ChatResult result = listener.completed.get(10, TimeUnit.SECONDS);

        assertThat(result.reasoning()).isEqualTo("First, think.");
        assertThat(result.response()).isEqualTo("The answer.");
        assertThat(listener.events)
                .containsSubsequence("reasoning:First, ", "reasoning:think.", "response:The ", "response:answer.");
    }

    /** The error table: each provider's failure statuses, blocking and streaming, map onto one exception family. */
    @ParameterizedTest(name = "{0} HTTP {1} -> {2}")
    @CsvSource({
        "OPENAI, 400, InvalidLlmRequestException, false",
        "OPENAI, 401, LlmAuthenticationException, false",
        "OPENAI, 404, LlmNotFoundException, false",
        "OPENAI, 429, LlmRateLimitedException, true",
        "OPENAI, 500, LlmUnavailableException, true",
        "OPENAI, 503, LlmUnavailableException, true",
        "DEEPSEEK, 402, InvalidLlmRequestException, false",
        "DEEPSEEK, 429, LlmRateLimitedException, true",
        "ANTHROPIC, 400, InvalidLlmRequestException, false",
        "ANTHROPIC, 401, LlmAuthenticationException, false",
        "ANTHROPIC, 403, LlmAuthenticationException, false",
        "ANTHROPIC, 404, LlmNotFoundException, false",
        "ANTHROPIC, 429, LlmRateLimitedException, true",
        "ANTHROPIC, 500, LlmUnavailableException, true",
        "ANTHROPIC, 529, LlmUnavailableException, true",
        "GEMINI, 400, InvalidLlmRequestException, false",
        "GEMINI, 403, LlmAuthenticationException, false",
        "GEMINI, 404, LlmNotFoundException, false",
        "GEMINI, 429, LlmRateLimitedException, true",
        "GEMINI, 500, LlmUnavailableException, true",
        "GEMINI, 504, LlmTimeoutException, true",
        "OLLAMA, 400, InvalidLlmRequestException, false",
        "OLLAMA, 404, LlmNotFoundException, false",
        "OLLAMA, 500, LlmUnavailableException, true",
        "OLLAMA, 503, LlmUnavailableException, true",
        "MISTRAL, 401, LlmAuthenticationException, false",
        "MISTRAL, 422, InvalidLlmRequestException, false",
        "MISTRAL, 429, LlmRateLimitedException, true",
        "MISTRAL, 502, LlmUnavailableException, true"
    })
    void should_map_the_provider_status_onto_the_exception_family(
            ProviderWire wire, int status, String kind, boolean retriable) throws Exception {
        // given
        for (String path : List.of(wire.chatPath, wire.streamPath)) {
            server.stubFor(post(urlPathEqualTo(path))
                    .willReturn(aResponse()
                            .withStatus(status)
                            .withHeader("Content-Type", "application/json")
                            .withHeader("Retry-After", "7")
                            .withBody(wire.error(status, "failure for key " + TestSupport.KEY))));
        }
        LangChain4jChatService service = serviceFor(wire, 0);

        // when: blocking
        Throwable blocking = catchFailure(() -> service.chat(hello()));

        // when: streaming
        TestSupport.CollectingListener listener = new TestSupport.CollectingListener();
        service.stream(hello(), listener);
        Throwable streaming = catchFailure(() -> listener.completed.get(10, TimeUnit.SECONDS));

        // then
        for (Throwable failure : List.of(blocking, streaming)) {
            assertThat(failure).isInstanceOf(LlmException.class);
            assertThat(failure.getClass().getSimpleName()).isEqualTo(kind);
            assertThat(((LlmException) failure).retriable()).isEqualTo(retriable);
            assertThat(failure.getMessage()).contains(wire.provider, String.valueOf(status));
            assertThat(failure.getMessage()).doesNotContain(TestSupport.KEY);
            if (status == 429) {
                assertThat(((io.llmadmin.services.errors.LlmRateLimitedException) failure).retryAfter())
                        .contains(Duration.ofSeconds(7));
            }
        }
        assertThat(records).hasSize(2).allSatisfy(record -> {
            assertThat(record.outcome()).isEqualTo(CallOutcome.FAILED);
            assertThat(record.failure()).contains(kind);
        });
    }

    private static Throwable catchFailure(ThrowingCallable call) {
        try {
            call.call();
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Throwable e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @FunctionalInterface
    interface ThrowingCallable {
        void call() throws Exception;
    }

    @ParameterizedTest
    @EnumSource(ProviderWire.class)
    void should_refuse_a_temperature_out_of_range_before_calling_the_provider(ProviderWire wire) {
        ChatCall call = ChatCall.builder("m1")
                .message(ChatMessage.user("hi"))
                .temperature(2.5)
                .build();

        assertThatThrownBy(() -> serviceFor(wire, 0).chat(call))
                .isInstanceOf(io.llmadmin.services.errors.InvalidLlmRequestException.class)
                .hasMessageContaining("temperature");
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(records).isEmpty();
    }
}
