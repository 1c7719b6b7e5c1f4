package io.llmadmin.services.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void should_mask_secret_members_at_any_depth_and_keep_the_rest() {
        JsonValue masked = SecretMasking.mask(
                json("{\"api_key\":\"sk-live-1\",\"maxTokens\":5,\"headers\":{\"Authorization\":\"Bearer t0k\"},"
                        + "\"list\":[{\"client_secret\":\"s3\"}],\"temperature\":0.5}"));

        assertThat(masked.toString())
                .doesNotContain("sk-live-1", "t0k", "s3")
                .contains("\"maxTokens\":5", "\"temperature\":0.5", "\"api_key\":\"****\"");
    }

    @Test
    void should_mask_the_credentials_and_secret_parameters_of_a_url() {
        assertThat(SecretMasking.maskUrl("https://bob:hunter2@h.example/v1?key=abc&region=eu"))
                .isEqualTo("https://****@h.example/v1?key=****&region=eu");
        assertThat(SecretMasking.maskUrl("http://127.0.0.1:8000/v1")).isEqualTo("http://127.0.0.1:8000/v1");
    }

    @Test
    void should_tell_secret_names_from_token_counts() {
        assertThat(SecretMasking.isSecretName("x-api-key")).isTrue();
        assertThat(SecretMasking.isSecretName("accessToken")).isTrue();
        assertThat(SecretMasking.isSecretName("max_tokens")).isFalse();
        assertThat(SecretMasking.isSecretName("top_p")).isFalse();
    }
}
