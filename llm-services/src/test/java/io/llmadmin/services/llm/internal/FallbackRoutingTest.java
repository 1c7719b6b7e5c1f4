package io.llmadmin.services.llm.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ChatStream;
import io.llmadmin.services.llm.ModelDirectory;
import io.llmadmin.services.ratelimit.internal.InProcessRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fallbacks as the production directory gives them (the models' own lists), provider 429s, and admissions kept across
 * retries, against a local OpenAI-speaking server.
 */
class FallbackRoutingTest {

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

    /** The production rule: a directory that only finds models; the fallbacks are each model's own list. */
    private static ModelDirectory directoryOf(ModelConfiguration... models) {
        Map<String, ModelConfiguration> byId = new java.util.HashMap<>();
        for (ModelConfiguration model : models) {
            byId.put(model.catalogId(), model);
        }
        return id -> Optional.ofNullable(byId.get(id));
    }

    private ModelConfiguration model(String id, String... fallbacks) {
        ModelConfiguration model = OPENAI.model(id, server.baseUrl() + "/" + id);
        model.fallBackTo(List.of(fallbacks));
        return model;
    }

    private void failing(String id, int status) {
        server.stubFor(post(urlPathEqualTo("/" + id + "/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Retry-After", "7")
                        .withBody(OPENAI.error(status, "no"))));
    }

    private void answering(String id) {
        server.stubFor(post(urlPathEqualTo("/" + id + "/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(OPENAI.answer("from " + id))));
    }

    private int calls(String id) {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo("/" + id + "/v1/chat/completions"))
                        .build())
                .getCount();
    }

    private LangChain4jChatService service(ModelDirectory directory, int retries) {
        return new LangChain4jChatService(
                new LangChain4jChatService.Settings(
                        Duration.ofSeconds(10),
                        RetryPolicy.of(retries, Duration.ofMillis(10), Duration.ofSeconds(20)),
                        "http://127.0.0.1:9"),
                directory,
                TestSupport.vault(),
                guard,
                records::add,
                Clock.systemUTC());
    }

    private static ChatCall hello(String model) {
        return ChatCall.builder(model).message(ChatMessage.user("Say hello")).build();
    }

    @Test
    void should_follow_the_fallbacks_of_a_fallback_when_the_first_two_models_fail() throws Exception {
        // given: a -> b -> c, where a and b are down
        failing("a", 503);
        failing("b", 500);
        answering("c");
        ModelDirectory directory = directoryOf(model("a", "b"), model("b", "c"), model("c"));

        // when
        ChatResult blocking = service(directory, 0).chat(hello("a"));
        TestSupport.CollectingListener listener = new TestSupport.CollectingListener();
        ChatStream stream = service(directory, 0).stream(hello("a"), listener);
        listener.completed.get(10, TimeUnit.SECONDS);

        // then
        assertThat(blocking.model()).isEqualTo("c");
        assertThat(blocking.response()).isEqualTo("from c");
        assertThat(stream.model()).isEqualTo("c");
        assertThat(records).extracting(CallRecord::model).containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void should_try_each_model_once_and_fail_when_the_fallbacks_form_a_cycle() {
        failing("a", 503);
        failing("b", 503);
        ModelDirectory directory = directoryOf(model("a", "b"), model("b", "a"));

        assertThatThrownBy(() -> service(directory, 0).chat(hello("a"))).isInstanceOf(LlmUnavailableException.class);
        assertThat(calls("a")).isEqualTo(1);
        assertThat(calls("b")).isEqualTo(1);
    }

    @Test
    void should_go_to_the_fallback_at_once_without_retrying_when_the_provider_answers_429() {
        failing("a", 429);
        answering("b");

        ChatResult result = service(directoryOf(model("a", "b"), model("b")), 2).chat(hello("a"));

        assertThat(result.model()).isEqualTo("b");
        assertThat(calls("a")).isEqualTo(1);
        assertThat(records)
                .extracting(CallRecord::failure)
                .containsExactly(Optional.of("LlmRateLimitedException"), Optional.empty());
    }

    @Test
    void should_answer_429_with_the_providers_retry_after_without_retrying_when_there_is_no_fallback() {
        failing("a", 429);

        assertThatThrownBy(() -> service(directoryOf(model("a")), 2).chat(hello("a")))
                .isInstanceOfSatisfying(
                        LlmRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(calls("a")).isEqualTo(1);
    }

    @Test
    void should_skip_fallbacks_with_no_larger_context_when_the_prompt_does_not_fit() {
        server.stubFor(post(urlPathEqualTo("/small/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"This model's maximum context length is 4096 tokens\","
                                + "\"type\":\"invalid_request_error\",\"param\":\"messages\","
                                + "\"code\":\"context_length_exceeded\"}}")));
        answering("same");
        answering("large");
        ModelConfiguration small = model("small", "same", "large");
        small.contextLength(4096);
        ModelConfiguration same = model("same");
        same.contextLength(4096);
        ModelConfiguration large = model("large");
        large.contextLength(128_000);

        ChatResult result = service(directoryOf(small, same, large), 0).chat(hello("small"));

        assertThat(result.model()).isEqualTo("large");
        assertThat(calls("same")).isZero();
    }

    @Test
    void should_not_fall_back_when_the_provider_refuses_the_request_as_invalid() {
        failing("a", 400);
        answering("b");

        assertThatThrownBy(() ->
                        service(directoryOf(model("a", "b"), model("b")), 0).chat(hello("a")))
                .isInstanceOf(InvalidLlmRequestException.class);
        assertThat(calls("b")).isZero();
    }

    @Test
    void should_answer_from_the_retry_and_not_as_rate_limited_when_a_transient_failure_meets_a_full_window() {
        // given: one request a minute, and a provider that fails once before answering
        server.stubFor(post(urlPathEqualTo("/a/v1/chat/completions"))
                .inScenario("flaky")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody(OPENAI.error(503, "blip")))
                .willSetStateTo("up"));
        server.stubFor(post(urlPathEqualTo("/a/v1/chat/completions"))
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(OPENAI.answer("after the blip"))));
        ModelConfiguration a = model("a");
        a.limitPerMinute(1, 0, 0);
        LangChain4jChatService service = new LangChain4jChatService(
                new LangChain4jChatService.Settings(
                        Duration.ofSeconds(10),
                        RetryPolicy.of(2, Duration.ofMillis(10), Duration.ofSeconds(1)),
                        "http://127.0.0.1:9"),
                directoryOf(a),
                TestSupport.vault(),
                new RateLimitedCallGuard(new InProcessRateLimiter(Clock.systemUTC())),
                records::add,
                Clock.systemUTC());

        // when
        ChatResult result = service.chat(hello("a"));

        // then: the retry kept the call's admission
        assertThat(result.response()).isEqualTo("after the blip");
        assertThat(records).extracting(CallRecord::outcome).containsExactly(CallOutcome.FAILED, CallOutcome.SUCCEEDED);
    }
}
