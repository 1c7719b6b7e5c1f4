package io.llmadmin.services.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.ProviderError;
import org.junit.jupiter.api.Test;

class ProviderErrorBodiesTest {

    @Test
    void should_read_openais_code_param_and_type() {
        ProviderError error = ProviderErrorBodies.read("{\"error\":{\"message\":\"Too long\",\"type\":"
                        + "\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}")
                .orElseThrow();

        assertThat(error)
                .isEqualTo(
                        new ProviderError("context_length_exceeded", "messages", "invalid_request_error", "Too long"));
    }

    @Test
    void should_name_an_anthropic_or_gemini_context_overflow_context_length_exceeded() {
        assertThat(ProviderErrorBodies.read("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                                + "\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}}")
                        .orElseThrow()
                        .code())
                .isEqualTo("context_length_exceeded");
        assertThat(ProviderErrorBodies.read("{\"error\":{\"code\":400,\"message\":\"The input token count (1200000) "
                                + "exceeds the maximum number of tokens allowed (1048576).\",\"status\":"
                                + "\"INVALID_ARGUMENT\"}}")
                        .orElseThrow())
                .satisfies(error -> {
                    assertThat(error.code()).isEqualTo("context_length_exceeded");
                    assertThat(error.type()).isEqualTo("INVALID_ARGUMENT");
                });
    }

    @Test
    void should_read_ollamas_plain_error_and_ignore_a_body_that_is_not_json() {
        assertThat(ProviderErrorBodies.read("{\"error\":\"model 'x' not found\"}")
                        .orElseThrow()
                        .message())
                .isEqualTo("model 'x' not found");
        assertThat(ProviderErrorBodies.read("<html>Bad gateway</html>")).isEmpty();
        assertThat(ProviderErrorBodies.read("")).isEmpty();
    }

    @Test
    void should_put_the_providers_message_not_its_json_or_the_key_into_a_mapped_failure() {
        String key = "sk-secret-1234567890";
        LlmException failure = ProviderFailures.map(
                new ProviderHttpException(
                        400,
                        "{\"error\":{\"message\":\"Bad key " + key
                                + " and too long\",\"code\":\"context_length_exceeded\"}}",
                        null),
                "openai",
                key);

        assertThat(failure).isInstanceOf(InvalidLlmRequestException.class);
        assertThat(failure.getMessage()).doesNotContain("{").doesNotContain(key).contains("too long");
        assertThat(failure.providerError().orElseThrow().code()).isEqualTo("context_length_exceeded");
        assertThat(failure.providerError().orElseThrow().message()).doesNotContain(key);
    }
}
