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
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.ModelHealthView;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health probes: one tiny call straight to the model, never retried nor sent to a fallback. */
class ProbingModelHealthTest {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final List<CallRecord> records = TestSupport.records();

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void should_report_up_and_down_with_one_call_each_and_no_fallback() {
        // given
        server.stubFor(post(urlPathEqualTo("/up/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderWire.OPENAI.answer("pong"))));
        server.stubFor(post(urlPathEqualTo("/down/v1/chat/completions"))
                .willReturn(aResponse().withStatus(503).withBody(ProviderWire.OPENAI.error(503, "overloaded"))));
        ModelConfiguration down = ProviderWire.OPENAI.model("down", server.baseUrl() + "/down");
        down.fallBackTo(List.of("up"));
        TestSupport.Models models = new TestSupport.Models()
                .add(ProviderWire.OPENAI.model("up", server.baseUrl() + "/up"))
                .add(down, "up");
        ProbingModelHealth health = new ProbingModelHealth(
                models, TestSupport.service(models, new TestSupport.RecordingGuard(), records, 2));

        // when
        ModelHealthView healthy = health.probe("up");
        ModelHealthView failing = health.probe("down");

        // then
        assertThat(healthy.status()).isEqualTo("UP");
        assertThat(healthy.lastError()).isNull();
        assertThat(failing.status()).isEqualTo("DOWN");
        assertThat(failing.lastError()).startsWith("LlmUnavailableException").contains("503");
        server.verify(1, postRequestedFor(urlPathEqualTo("/down/v1/chat/completions")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/up/v1/chat/completions")));
        assertThat(records).extracting(CallRecord::caller).containsOnly(ProbingModelHealth.CALLER);
        assertThat(health.lastProbes()).extracting(ModelHealthView::modelId).containsExactly("down", "up");
    }

    @Test
    void should_refuse_unknown_models_and_models_that_are_not_probed() {
        TestSupport.Models models = new TestSupport.Models()
                .add(new ModelConfiguration("sdxl", ModelType.IMAGE, "inference-service", "sdxl", "SDXL"));
        ProbingModelHealth health = new ProbingModelHealth(
                models, TestSupport.service(models, new TestSupport.RecordingGuard(), records, 0));

        assertThatThrownBy(() -> health.probe("nope")).isInstanceOf(LlmNotFoundException.class);
        assertThatThrownBy(() -> health.probe("sdxl")).isInstanceOf(InvalidLlmRequestException.class);
    }
}
