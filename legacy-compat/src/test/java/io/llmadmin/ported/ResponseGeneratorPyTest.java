package io.llmadmin.ported;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.legacy.LiteLLMChatWrapper;
import io.llmadmin.legacy.Models;
import io.llmadmin.legacy.ResponseAndReasoning;
import io.llmadmin.legacy.SlidingWindowLimiter;
import io.llmadmin.legacy.testing.FacadeServices;
import io.llmadmin.legacy.testing.OpenAiSse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code python/somaagent/response_generator.py}: {@code models.get_chat_model(provider, name)} without a config, so
 * its calls are never rate-limited.
 */
@SuppressWarnings("removal")
class ResponseGeneratorPyTest {

    @TempDir
    Path dataDirectory;

    private final WireMockServer provider = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        provider.start();
        FacadeServices.install(Map.of("OTHER_API_KEY", "sk-other-0123456789"), dataDirectory);
    }

    @AfterEach
    void stop() {
        provider.stop();
        FacadeServices.uninstall();
    }

    /** {@code generate(provider, name)}, as ported (the api base comes in through the kwargs). */
    private LiteLLMChatWrapper generate(String providerName, String name) {
        return Models.getChatModel(providerName, name, null, Map.of("api_base", provider.baseUrl() + "/v1"));
    }

    @Test
    void should_answer_every_call_without_touching_any_rate_limiter() {
        provider.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiSse.stream(List.of("Hi", " there")))));
        String name = "generator-" + System.nanoTime();
        List<String> asked = new ArrayList<>();

        ResponseAndReasoning first = null;
        for (int call = 0; call < 3; call++) {
            first = generate("other", name)
                    .unifiedCall("", "hello", null, null, null, null, (m, k, t, l) -> asked.add(m), null);
        }

        assertThat(first.response()).isEqualTo("Hi there");
        assertThat(asked).isEmpty();
        SlidingWindowLimiter limiter = Models.getRateLimiter("other", name, 0, 0, 0);
        assertThat(limiter.total(SlidingWindowLimiter.REQUESTS)).isZero();
    }
}
