package io.llmadmin.services.llm.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.LlmTimeoutException;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.llm.CallGuard;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatStream;
import io.llmadmin.services.testsupport.Eventually;
import io.llmadmin.services.testsupport.RawHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries before the first token, fallbacks, timeouts, resets and cancellation, against local servers. */
class ResilienceTest {

    private static final ProviderWire OPENAI = ProviderWire.OPENAI;
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

    private static ChatCall hello(String model) {
        return ChatCall.builder(model).message(ChatMessage.user("Say hello")).build();
    }

    private void failThenSucceed(String path, int status, String retryAfter, String contentType, String body) {
        server.stubFor(post(urlPathEqualTo(path))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Retry-After", retryAfter)
                        .withBody(OPENAI.error(status, "try later")))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlPathEqualTo(path))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));
    }

    @Test
    void should_succeed_on_retry_when_the_provider_fails_with_5xx_once() {
        // given
        failThenSucceed(OPENAI.chatPath, 503, "0", "application/json", OPENAI.answer("Hello!"));
        TestSupport.Models models = new TestSupport.Models().add(OPENAI.model("m1", server.baseUrl()));

        // when
        ChatResult result = TestSupport.service(models, guard, records, 2).chat(hello("m1"));

        // then
        assertThat(result.response()).isEqualTo("Hello!");
        server.verify(2, postRequestedFor(urlPathEqualTo(OPENAI.chatPath)));
        assertThat(records).extracting(CallRecord::outcome).containsExactly(CallOutcome.FAILED, CallOutcome.SUCCEEDED);
        // the retry keeps the call's admission: one request charged, settled once with the answer
        assertThat(guard.admissions).hasSize(1);
        assertThat(guard.settled).extracting(CallRecord::outcome).containsExactly(CallOutcome.SUCCEEDED);
    }

    @Test
    void should_retry_after_the_providers_retry_after_when_it_answers_429() {
        failThenSucceed(OPENAI.chatPath, 429, "0.05", "application/json", OPENAI.answer("Hello!"));
        TestSupport.Models models = new TestSupport.Models().add(OPENAI.model("m1", server.baseUrl()));

        ChatResult result = TestSupport.service(models, guard, records, 2).chat(hello("m1"));

        assertThat(result.response()).isEqualTo("Hello!");
        server.verify(2, postRequestedFor(urlPathEqualTo(OPENAI.chatPath)));
        assertThat(records.get(0).failure()).contains("LlmRateLimitedException");
    }

    @Test
    void should_give_up_after_the_bounded_retries_when_the_provider_keeps_failing() {
        server.stubFor(post(urlPathEqualTo(OPENAI.chatPath))
                .willReturn(aResponse().withStatus(500).withBody(OPENAI.error(500, "down"))));
        TestSupport.Models models = new TestSupport.Models().add(OPENAI.model("m1", server.baseUrl()));

        assertThatThrownBy(() -> TestSupport.service(models, guard, records, 2).chat(hello("m1")))
                .isInstanceOf(LlmUnavailableException.class);
        server.verify(3, postRequestedFor(urlPathEqualTo(OPENAI.chatPath)));
    }

    @Test
    void should_not_retry_when_the_request_is_refused_as_invalid() {
        server.stubFor(post(urlPathEqualTo(OPENAI.chatPath))
                .willReturn(aResponse().withStatus(400).withBody(OPENAI.error(400, "bad"))));
        TestSupport.Models models = new TestSupport.Models().add(OPENAI.model("m1", server.baseUrl()));

        assertThatThrownBy(() -> TestSupport.service(models, guard, records, 2).chat(hello("m1")))
                .isInstanceOf(InvalidLlmRequestException.class);
        server.verify(1, postRequestedFor(urlPathEqualTo(OPENAI.chatPath)));
    }

    @Test
    void should_time_out_when_the_provider_answers_later_than_the_call_timeout() {
        server.stubFor(post(urlPathEqualTo(OPENAI.chatPath))
                .willReturn(aResponse().withFixedDelay(3000).withBody(OPENAI.answer("late"))));
        TestSupport.Models models = new TestSupport.Models().add(OPENAI.model("m1", server.baseUrl()));
        ChatCall call = ChatCall.builder("m1")
                .message(ChatMessage.user("hi"))
                .timeout(Duration.ofMillis(300))
                .build();

        assertThatThrownBy(() -> TestSupport.service(models, guard, records, 0).chat(call))
                .isInstanceOf(LlmTimeoutException.class)
                .hasMessageContaining("openai");
    }

    @Test
    void should_time_out_a_stream_when_the_provider_sends_no_headers_in_time() throws Exception {
        server.stubFor(post(urlPathEqualTo(OPENAI.streamPath))
                .willReturn(aResponse()
                        .withFixedDelay(3000)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(OPENAI.stream(List.of(), List.of("late")))));
        TestSupport.Models models = new TestSupport.Models().add(OPENAI.model("m1", server.baseUrl()));
        ChatCall call = ChatCall.builder("m1")
                .message(ChatMessage.user("hi"))
                .timeout(Duration.ofMillis(300))
                .build();
        TestSupport.CollectingListener listener = new TestSupport.CollectingListener();

        TestSupport.service(models, guard, records, 0).stream(call, listener);

        assertThatThrownBy(() -> listener.completed.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(LlmTimeoutException.class);
    }

    @Test
    void should_answer_from_the_fallback_when_the_model_keeps_failing() {
        // given
        server.stubFor(post(urlPathEqualTo("/primary/v1/chat/completions"))
                .willReturn(aResponse().withStatus(503).withBody(OPENAI.error(503, "overloaded"))));
        server.stubFor(post(urlPathEqualTo("/backup/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(OPENAI.answer("from backup"))));
        TestSupport.Models models = new TestSupport.Models()
                .add(OPENAI.model("primary", server.baseUrl() + "/primary"), "missing", "backup")
                .add(OPENAI.model("backup", server.baseUrl() + "/backup"));

        // when
        ChatResult result = TestSupport.service(models, guard, records, 1).chat(hello("primary"));

        // then
        assertThat(result.response()).isEqualTo("from backup");
        assertThat(result.model()).isEqualTo("backup");
        server.verify(2, postRequestedFor(urlPathEqualTo("/primary/v1/chat/completions")));
        assertThat(records).extracting(CallRecord::model).containsExactly("primary", "primary", "backup");
    }

    @Test
    void should_stream_from_the_fallback_when_the_model_fails_before_the_first_token() throws Exception {
        server.stubFor(post(urlPathEqualTo("/primary/v1/chat/completions"))
                .willReturn(aResponse().withStatus(500).withBody(OPENAI.error(500, "down"))));
        server.stubFor(post(urlPathEqualTo("/backup/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(OPENAI.stream(List.of(), List.of("from ", "backup")))));
        TestSupport.Models models = new TestSupport.Models()
                .add(OPENAI.model("primary", server.baseUrl() + "/primary"), "backup")
                .add(OPENAI.model("backup", server.baseUrl() + "/backup"));
        TestSupport.CollectingListener listener = new TestSupport.CollectingListener();

        TestSupport.service(models, guard, records, 1).stream(hello("primary"), listener);
        ChatResult result = listener.completed.get(10, TimeUnit.SECONDS);

        assertThat(result.response()).isEqualTo("from backup");
        assertThat(result.model()).isEqualTo("backup");
        assertThat(listener.responseText()).isEqualTo("from backup");
        server.verify(2, postRequestedFor(urlPathEqualTo("/primary/v1/chat/completions")));
    }

    @Test
    void should_use_the_fallback_without_calling_the_model_when_our_limiter_refuses_it() {
        server.stubFor(post(urlPathEqualTo("/backup/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(OPENAI.answer("from backup"))));
        TestSupport.Models models = new TestSupport.Models()
                .add(OPENAI.model("primary", server.baseUrl() + "/primary"), "backup")
                .add(OPENAI.model("backup", server.baseUrl() + "/backup"));
        CallGuard limiter = admission -> {
            if (admission.model().catalogId().equals("primary")) {
                throw new LlmRateLimitedException(
                        "Rate limit exceeded for requests (2/1)", Duration.ofSeconds(30), null);
            }
            return record -> {};
        };

        ChatResult result = TestSupport.service(models, limiter, records, 2).chat(hello("primary"));

        assertThat(result.model()).isEqualTo("backup");
        server.verify(0, postRequestedFor(urlPathEqualTo("/primary/v1/chat/completions")));
        assertThat(records).extracting(CallRecord::model).containsExactly("backup");
    }

    @Test
    void should_refuse_with_the_limiters_retry_after_when_there_is_no_fallback() {
        TestSupport.Models models = new TestSupport.Models().add(OPENAI.model("m1", server.baseUrl()));
        CallGuard limiter = admission -> {
            throw new LlmRateLimitedException("Rate limit exceeded for requests (2/1)", Duration.ofSeconds(30), null);
        };

        assertThatThrownBy(
                        () -> TestSupport.service(models, limiter, records, 2).chat(hello("m1")))
                .isInstanceOfSatisfying(
                        LlmRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void should_retry_a_stream_when_it_fails_before_the_first_token() throws Exception {
        failThenSucceed(
                OPENAI.streamPath,
                502,
                "0",
                "text/event-stream",
                OPENAI.stream(List.of("thinking"), List.of("Hel", "lo")));
        TestSupport.Models models = new TestSupport.Models().add(ProviderWire.DEEPSEEK.model("m1", server.baseUrl()));
        TestSupport.CollectingListener listener = new TestSupport.CollectingListener();

        TestSupport.service(models, guard, records, 2).stream(hello("m1"), listener);
        ChatResult result = listener.completed.get(10, TimeUnit.SECONDS);

        assertThat(result.response()).isEqualTo("Hello");
        assertThat(result.reasoning()).isEqualTo("thinking");
        assertThat(listener.events).containsExactly("reasoning:thinking", "response:Hel", "response:lo");
        assertThat(records).extracting(CallRecord::outcome).containsExactly(CallOutcome.FAILED, CallOutcome.SUCCEEDED);
    }

    @Test
    void should_fail_with_the_partial_answer_and_no_retry_when_the_connection_resets_mid_stream() throws Exception {
        // given: two chunks, then a TCP reset
        try (RawHttpServer raw = new RawHttpServer(exchange -> {
            exchange.startChunked("text/event-stream");
            exchange.chunk("data: " + chunk("Hel") + "\n\n");
            exchange.chunk("data: " + chunk("lo") + "\n\n");
            Thread.sleep(200);
            exchange.reset();
        })) {
            TestSupport.Models models = new TestSupport.Models().add(OPENAI.model("m1", raw.baseUrl()));
            TestSupport.CollectingListener listener = new TestSupport.CollectingListener();

            // when
            TestSupport.service(models, guard, records, 2).stream(hello("m1"), listener);

            // then
            assertThatThrownBy(() -> listener.completed.get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(LlmUnavailableException.class);
            assertThat(listener.partialOnError.response()).isEqualTo("Hello");
            assertThat(raw.connections.get()).isEqualTo(1);
            assertThat(records).extracting(CallRecord::outcome).containsExactly(CallOutcome.FAILED);
        }
    }

    @Test
    void should_time_out_a_stream_that_falls_silent_after_its_first_token() throws Exception {
        try (RawHttpServer raw = new RawHttpServer(exchange -> {
            exchange.startChunked("text/event-stream");
            exchange.chunk("data: " + chunk("Hel") + "\n\n");
            exchange.awaitClientClose(10_000);
        })) {
            TestSupport.Models models = new TestSupport.Models().add(OPENAI.model("m1", raw.baseUrl()));
            TestSupport.CollectingListener listener = new TestSupport.CollectingListener();
            ChatCall call = ChatCall.builder("m1")
                    .message(ChatMessage.user("hi"))
                    .timeout(Duration.ofMillis(500))
                    .build();

            TestSupport.service(models, guard, records, 2).stream(call, listener);

            assertThatThrownBy(() -> listener.completed.get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(LlmTimeoutException.class);
            assertThat(listener.partialOnError.response()).isEqualTo("Hel");
            raw.clientClosed.get(10, TimeUnit.SECONDS);
            assertThat(raw.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void should_close_the_upstream_connection_when_the_consumer_cancels_the_stream() throws Exception {
        // given: a stream that sends one token, then waits to see whether the client hangs up
        try (RawHttpServer raw = new RawHttpServer(exchange -> {
            exchange.startChunked("text/event-stream");
            exchange.chunk("data: " + chunk("first") + "\n\n");
            exchange.awaitClientClose(10_000);
        })) {
            TestSupport.Models models = new TestSupport.Models().add(OPENAI.model("m1", raw.baseUrl()));
            TestSupport.CollectingListener listener = new TestSupport.CollectingListener();
            ChatStream stream = TestSupport.service(models, guard, records, 0).stream(hello("m1"), listener);
            waitFor(() -> listener.events.contains("response:first"));

            // when
            stream.cancel();

            // then: the server sees the connection closed, and nothing more reaches the consumer
            raw.clientClosed.get(10, TimeUnit.SECONDS);
            assertThat(stream.isCancelled()).isTrue();
            assertThatThrownBy(() -> stream.result().toCompletableFuture().get(1, TimeUnit.SECONDS))
                    .isInstanceOf(CancellationException.class);
            assertThat(listener.completed).isNotDone();
            assertThat(records).extracting(CallRecord::outcome).containsExactly(CallOutcome.CANCELLED);
            assertThat(guard.settled).hasSize(1);
        }
    }

    @Test
    void should_cancel_the_upstream_request_when_the_consumer_fails_on_a_delta() throws Exception {
        try (RawHttpServer raw = new RawHttpServer(exchange -> {
            exchange.startChunked("text/event-stream");
            exchange.chunk("data: " + chunk("first") + "\n\n");
            exchange.awaitClientClose(10_000);
        })) {
            TestSupport.Models models = new TestSupport.Models().add(OPENAI.model("m1", raw.baseUrl()));
            TestSupport.CollectingListener listener = new TestSupport.CollectingListener() {
                @Override
                public void onResponse(String delta) {
                    throw new IllegalStateException("the client went away");
                }
            };

            ChatStream stream = TestSupport.service(models, guard, records, 0).stream(hello("m1"), listener);

            raw.clientClosed.get(10, TimeUnit.SECONDS);
            waitFor(stream::isCancelled);
        }
    }

    @Test
    void should_run_stream_work_on_the_given_executor_and_read_the_directory_only_on_the_callers_thread()
            throws Exception {
        // given: a primary that fails, a fallback that streams, and an executor standing in for the managed one
        server.stubFor(post(urlPathEqualTo("/primary/v1/chat/completions"))
                .willReturn(aResponse().withStatus(500).withBody(OPENAI.error(500, "down"))));
        server.stubFor(post(urlPathEqualTo("/backup/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(OPENAI.stream(List.of(), List.of("from ", "backup")))));
        List<String> directoryThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
        TestSupport.Models models = new TestSupport.Models() {
            @Override
            public java.util.Optional<io.llmadmin.domain.model.ModelConfiguration> find(String catalogId) {
                directoryThreads.add(Thread.currentThread().getName());
                return super.find(catalogId);
            }
        };
        models.add(OPENAI.model("primary", server.baseUrl() + "/primary"), "backup")
                .add(OPENAI.model("backup", server.baseUrl() + "/backup"));
        java.util.concurrent.ScheduledExecutorService managed = java.util.concurrent.Executors.newScheduledThreadPool(
                2, runnable -> new Thread(runnable, "managed-" + java.util.UUID.randomUUID()));
        List<String> listenerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
        TestSupport.CollectingListener listener = new TestSupport.CollectingListener() {
            @Override
            public void onResponse(String delta) {
                listenerThreads.add(Thread.currentThread().getName());
                super.onResponse(delta);
            }
        };
        try {
            LangChain4jChatService service = new LangChain4jChatService(
                    new LangChain4jChatService.Settings(
                            Duration.ofSeconds(10),
                            RetryPolicy.of(1, Duration.ofMillis(10), Duration.ofSeconds(1)),
                            "http://127.0.0.1:9"),
                    models,
                    TestSupport.vault(),
                    guard,
                    records::add,
                    java.time.Clock.systemUTC(),
                    managed);

            // when
            service.stream(hello("primary"), listener);
            ChatResult result = listener.completed.get(10, TimeUnit.SECONDS);

            // then
            assertThat(result.model()).isEqualTo("backup");
            assertThat(listenerThreads).isNotEmpty().allMatch(name -> name.startsWith("managed-"));
            assertThat(directoryThreads).containsOnly(Thread.currentThread().getName());
        } finally {
            managed.shutdownNow();
        }
    }

    private static String chunk(String content) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + ProviderWire.json(content)
                + "},\"finish_reason\":null}]}";
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        Eventually.until("the stream's state", condition);
    }
}
