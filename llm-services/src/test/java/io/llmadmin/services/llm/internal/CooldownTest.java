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
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ModelCooldown;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Models out of rotation after repeated failures, skipped for their fallbacks, then probed back in. */
class CooldownTest {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final Resilience4jModelCooldowns cooldowns = new Resilience4jModelCooldowns(2, 60, 50, 1);

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private ModelConfiguration model(String id, String... fallbacks) {
        ModelConfiguration model = ProviderWire.OPENAI.model(id, server.baseUrl() + "/" + id);
        model.fallBackTo(List.of(fallbacks));
        return model;
    }

    private void answer(String id, int status) {
        server.stubFor(post(urlPathEqualTo("/" + id + "/v1/chat/completions"))
                .willReturn(
                        status == 200
                                ? aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(ProviderWire.OPENAI.answer("from " + id))
                                : aResponse().withStatus(status).withBody(ProviderWire.OPENAI.error(status, "no"))));
    }

    private int calls(String id) {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo("/" + id + "/v1/chat/completions"))
                        .build())
                .getCount();
    }

    private LangChain4jChatService service(ModelConfiguration... models) {
        java.util.Map<String, ModelConfiguration> byId = new java.util.HashMap<>();
        for (ModelConfiguration model : models) {
            byId.put(model.catalogId(), model);
        }
        return new LangChain4jChatService(
                new LangChain4jChatService.Settings(
                        Duration.ofSeconds(10),
                        RetryPolicy.of(0, Duration.ofMillis(10), Duration.ofSeconds(1)),
                        "http://127.0.0.1:9"),
                id -> Optional.ofNullable(byId.get(id)),
                TestSupport.vault(),
                io.llmadmin.services.llm.CallGuard.unlimited(),
                io.llmadmin.services.llm.CallRecorder.none(),
                Clock.systemUTC(),
                null,
                cooldowns);
    }

    private static ChatCall hello(String model) {
        return ChatCall.builder(model).message(ChatMessage.user("Say hello")).build();
    }

    @Test
    void should_skip_a_model_that_keeps_failing_then_probe_it_back_in_after_the_cooldown() throws Exception {
        // given
        answer("a", 503);
        answer("b", 200);
        LangChain4jChatService service = service(model("a", "b"), model("b"));
        service.chat(hello("a"));
        service.chat(hello("a"));

        // when
        String servedWhileCooling = service.chat(hello("a")).model();

        // then
        assertThat(servedWhileCooling).isEqualTo("b");
        assertThat(calls("a")).isEqualTo(2);
        assertThat(cooldowns.current()).containsExactly(new ModelCooldown("a", "COOLING_DOWN", 100f));

        // when: the model is back and the cool-down (1 s) is over
        answer("a", 200);
        TimeUnit.MILLISECONDS.sleep(1100);
        String servedAfter = service.chat(hello("a")).model();

        // then
        assertThat(servedAfter).isEqualTo("a");
        assertThat(cooldowns.current()).isEmpty();
    }

    @Test
    void should_fail_at_once_as_unavailable_when_a_model_without_fallback_cools_down_also_when_streamed()
            throws Exception {
        answer("a", 503);
        LangChain4jChatService service = service(model("a"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> service.chat(hello("a"))).isInstanceOf(LlmUnavailableException.class);
        }

        TestSupport.CollectingListener listener = new TestSupport.CollectingListener();
        service.stream(hello("a"), listener);

        assertThatThrownBy(() -> listener.completed.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("cool-down");
        assertThat(calls("a")).isEqualTo(2);
    }

    @Test
    void should_not_count_the_callers_mistakes_against_a_model() {
        answer("a", 400);
        LangChain4jChatService service = service(model("a"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> service.chat(hello("a"))).isInstanceOf(InvalidLlmRequestException.class);
        }

        assertThat(cooldowns.current()).isEmpty();
        assertThat(calls("a")).isEqualTo(3);
    }
}
