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
import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.ratelimit.internal.InProcessRateLimiter;
import io.llmadmin.services.usage.UsageEvent;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chat service with the real rate limiter and usage adapters plugged in, against a local server speaking
 * OpenAI's chat-completions JSON: the model's limits are enforced and every attempt is counted with the provider's
 * token usage.
 */
class LimitedAndCountedCallsTest {

    private static final ProviderWire OPENAI = ProviderWire.OPENAI;
    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final List<UsageEvent> usage = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(post(urlPathEqualTo(OPENAI.chatPath))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(OPENAI.answer("Hello!"))));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private LangChain4jChatService service(ModelConfiguration model) {
        return new LangChain4jChatService(
                new LangChain4jChatService.Settings(
                        java.time.Duration.ofSeconds(10),
                        RetryPolicy.of(0, java.time.Duration.ofMillis(20), java.time.Duration.ofSeconds(1)),
                        "http://127.0.0.1:9"),
                new TestSupport.Models().add(model),
                TestSupport.vault(),
                new RateLimitedCallGuard(new InProcessRateLimiter(Clock.systemUTC())),
                new UsageCallRecorder(usage::add),
                Clock.systemUTC());
    }

    private static ChatCall hello(String model) {
        return ChatCall.builder(model).message(ChatMessage.user("Say hello")).build();
    }

    @Test
    void should_refuse_the_third_call_with_a_retry_after_when_the_model_allows_two_requests_a_minute() {
        ModelConfiguration model = OPENAI.model("limited-" + System.nanoTime(), server.baseUrl());
        model.limitPerMinute(2, 0, 0);
        LangChain4jChatService chat = service(model);

        chat.chat(hello(model.catalogId()));
        chat.chat(hello(model.catalogId()));

        assertThatThrownBy(() -> chat.chat(hello(model.catalogId())))
                .isInstanceOfSatisfying(
                        LlmRateLimitedException.class,
                        refused -> assertThat(refused.retryAfter()).isPresent());
        server.verify(2, postRequestedFor(urlPathEqualTo(OPENAI.chatPath)));
    }

    @Test
    void should_count_each_call_with_the_token_usage_the_provider_reported() {
        ModelConfiguration model = OPENAI.model("counted-" + System.nanoTime(), server.baseUrl());
        LangChain4jChatService chat = service(model);

        chat.chat(hello(model.catalogId()));

        assertThat(usage).singleElement().satisfies(event -> {
            assertThat(event.modelId()).isEqualTo(model.catalogId());
            assertThat(event.outcome()).isEqualTo(UsageOutcome.SUCCESS);
            assertThat(event.tokensIn()).isEqualTo(5);
            assertThat(event.tokensOut()).isEqualTo(2);
            assertThat(event.tokensEstimated()).isFalse();
        });
    }

    @Test
    void should_give_the_over_reserved_output_back_when_the_provider_reports_less() {
        ModelConfiguration model = OPENAI.model("tokens-" + System.nanoTime(), server.baseUrl());
        model.limitPerMinute(0, 0, 10);
        LangChain4jChatService chat = service(model);
        ChatCall reservingEight = ChatCall.builder(model.catalogId())
                .message(ChatMessage.user("Say hello"))
                .maxTokens(8)
                .build();

        chat.chat(reservingEight); // reserves 8, settles to the 2 reported
        chat.chat(reservingEight); // would not fit beside an unsettled 8

        assertThat(usage).hasSize(2);
    }
}
