package io.llmadmin.legacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.legacy.testing.FacadeServices;
import io.llmadmin.legacy.testing.OpenAiSse;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.ModelDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A legacy chat wrapper whose provider, name and API base are those of a registry model calls that model and goes on
 * to its fallbacks (against a real local server speaking OpenAI's SSE); any other wrapper keeps the legacy behaviour.
 */
@SuppressWarnings("removal")
class RegistryFallbackTest {

    private static final String CHAT = "/v1/chat/completions";
    private static final String WRAPPER_KEY = "sk-other-0123456789";

    @TempDir
    Path dataDirectory;

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final List<CallRecord> attempts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(post(urlPathEqualTo(CHAT))
                .withRequestBody(matchingJsonPath("$.model", equalTo("down-model")))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiSse.error("overloaded", "server_error"))));
        server.stubFor(post(urlPathEqualTo(CHAT))
                .withRequestBody(matchingJsonPath("$.model", equalTo("ok-model")))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiSse.stream(List.of("from ", "backup")))));
        ModelConfiguration backup = model("reg-backup", "ok-model");
        ModelConfiguration primary = model("reg-primary", "down-model");
        primary.fallBackTo(List.of("reg-backup"));
        Map<String, ModelConfiguration> registry = Map.of("reg-primary", primary, "reg-backup", backup);
        ModelDirectory directory = new ModelDirectory() {
            @Override
            public Optional<ModelConfiguration> find(String catalogId) {
                return Optional.ofNullable(registry.get(catalogId));
            }

            @Override
            public List<ModelConfiguration> findByProviderModel(String provider, String providerModelName) {
                return registry.values().stream()
                        .filter(model -> model.provider().equalsIgnoreCase(provider))
                        .filter(model -> model.providerModelName().equals(providerModelName))
                        .toList();
            }
        };
        FacadeServices.install(Map.of("OTHER_API_KEY", WRAPPER_KEY), dataDirectory, directory, attempts::add);
    }

    @AfterEach
    void stop() {
        server.stop();
        FacadeServices.uninstall();
    }

    private ModelConfiguration model(String id, String providerModelName) {
        ModelConfiguration model =
                new ModelConfiguration(id, io.llmadmin.domain.model.ModelType.CHAT, "other", providerModelName, id);
        model.routeTo(server.baseUrl() + "/v1", null, false);
        return model;
    }

    private ResponseAndReasoning call(String name, String apiBase) {
        return Models.getChatModel("other", name, null, Map.of("api_base", apiBase, "a0_retry_attempts", 0))
                .unifiedCall(null, "Hi", null, null, null, null, null, null);
    }

    @Test
    void should_answer_from_the_registry_fallback_and_record_both_attempts_when_the_primary_is_down() {
        ResponseAndReasoning answer = call("down-model", server.baseUrl() + "/v1/");

        assertThat(answer.response()).isEqualTo("from backup");
        assertThat(attempts)
                .extracting(CallRecord::model, CallRecord::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reg-primary", CallOutcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple("reg-backup", CallOutcome.SUCCEEDED));
        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.caller()).startsWith("legacy:"));
        // the wrapper's key went to the model it was built for, never to the fallback
        server.verify(postRequestedFor(urlPathEqualTo(CHAT))
                .withRequestBody(matchingJsonPath("$.model", equalTo("down-model")))
                .withHeader("Authorization", equalTo("Bearer " + WRAPPER_KEY)));
        server.verify(postRequestedFor(urlPathEqualTo(CHAT))
                .withRequestBody(matchingJsonPath("$.model", equalTo("ok-model")))
                .withHeader("Authorization", notContaining(WRAPPER_KEY)));
    }

    @Test
    void should_make_one_attempt_without_fallbacks_when_the_api_base_is_not_the_registry_models() {
        String elsewhere = server.baseUrl() + "/v1/elsewhere";
        server.stubFor(post(urlPathEqualTo("/v1/elsewhere/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiSse.error("overloaded", "server_error"))));

        assertThatThrownBy(() -> call("down-model", elsewhere)).isInstanceOf(LlmUnavailableException.class);

        assertThat(attempts)
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.model()).isEqualTo("legacy-other-down-model"));
        server.verify(0, postRequestedFor(urlPathEqualTo(CHAT)));
    }
}
