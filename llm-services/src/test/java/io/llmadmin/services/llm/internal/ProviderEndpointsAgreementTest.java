package io.llmadmin.services.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.credential.ProviderEndpoints;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The call path's default base URLs and the vault's official endpoints are two tables of the same facts: a model that
 * names no api base is called at its route's default, and its credential must be bound to exactly that address.
 */
class ProviderEndpointsAgreementTest {

    private static final List<String> PROVIDERS = List.of(
            "openai",
            "anthropic",
            "gemini",
            "google",
            "mistral",
            "mistralai",
            "ollama",
            "deepseek",
            "qwen",
            "dashscope",
            "openrouter",
            "groq",
            "vllm",
            "other",
            "local",
            "huggingface",
            "inference-service");

    @Test
    void should_name_the_same_default_endpoint_for_every_provider_when_no_api_base_is_set() {
        for (String provider : PROVIDERS) {
            assertThat(ProviderRoute.of(provider).flatMap(route -> route.defaultBaseUrl(provider)))
                    .as(provider)
                    .isEqualTo(ProviderEndpoints.official(provider));
        }
    }
}
