package io.llmadmin.ported;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.legacy.LiteLLMEmbeddingWrapper;
import io.llmadmin.legacy.ModelConfig;
import io.llmadmin.legacy.ModelType;
import io.llmadmin.legacy.Models;
import io.llmadmin.legacy.SlidingWindowLimiter;
import io.llmadmin.legacy.testing.FacadeServices;
import io.llmadmin.legacy.testing.OpenAiSse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code python/helpers/memory.py}: gets the agent's embedding model with
 * {@code models.get_embedding_model(cfg.provider, cfg.name, cfg, **cfg.build_kwargs())} and embeds documents and
 * queries for its vector store; each call is rate-limited with the config's limits.
 */
@SuppressWarnings("removal")
class MemoryPyTest {

    @TempDir
    Path dataDirectory;

    private final WireMockServer provider = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        provider.start();
        FacadeServices.install(Map.of("OPENAI_API_KEY", "sk-openai-0123456789"), dataDirectory);
    }

    @AfterEach
    void stop() {
        provider.stop();
        FacadeServices.uninstall();
    }

    @Test
    void should_embed_documents_through_the_configured_provider_and_count_them_against_its_limits() {
        provider.stubFor(post(urlPathEqualTo("/v1/embeddings"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiSse.embeddings(List.of(new float[] {0.1f, 0.2f}, new float[] {0.3f, 0.4f})))));
        ModelConfig cfg = new ModelConfig(
                ModelType.EMBEDDING,
                "openai",
                "text-embedding-3-small-" + System.nanoTime(),
                provider.baseUrl() + "/v1",
                0,
                100,
                0,
                0,
                false,
                new HashMap<>());

        LiteLLMEmbeddingWrapper embeddings =
                Models.getEmbeddingModel(cfg.provider(), cfg.name(), cfg, cfg.buildKwargs());
        List<float[]> vectors = embeddings.embedDocuments(List.of("first memory", "second memory"));

        assertThat(vectors).hasSize(2);
        assertThat(vectors.get(1)).containsExactly(0.3f, 0.4f);
        provider.verify(postRequestedFor(urlPathEqualTo("/v1/embeddings"))
                .withHeader("Authorization", equalTo("Bearer sk-openai-0123456789"))
                .withRequestBody(matchingJsonPath("$.input[1]", equalTo("second memory"))));
        SlidingWindowLimiter limiter = Models.getRateLimiter(cfg.provider(), cfg.name(), 100, 0, 0);
        assertThat(limiter.total(SlidingWindowLimiter.REQUESTS)).isEqualTo(1);
        assertThat(limiter.total(SlidingWindowLimiter.INPUT))
                .isEqualTo(Models.approximateTokens("first memory second memory"));
    }
}
