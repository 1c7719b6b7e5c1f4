package io.llmadmin.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmAuthenticationException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.LlmTimeoutException;
import io.llmadmin.services.errors.LlmUnavailableException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenAiErrorMappersTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new InvalidLlmRequestException("temperature", "too hot"), 400, "invalid_request_error"),
                Arguments.of(new InvalidLlmRequestException("images", "no vision"), 400, "invalid_request_error"),
                Arguments.of(
                        new LlmRateLimitedException("slow down", Duration.ofMillis(1200), null),
                        429,
                        "rate_limit_error"),
                Arguments.of(new LlmNotFoundException("no model", null), 404, "invalid_request_error"),
                Arguments.of(new LlmAuthenticationException("provider refused our key", null), 502, "api_error"),
                Arguments.of(new LlmNotConfiguredException("no key"), 503, "api_error"),
                Arguments.of(new LlmTimeoutException("too slow", null), 504, "api_error"),
                Arguments.of(new LlmUnavailableException("down", null), 502, "api_error"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void should_map_each_llm_failure_onto_an_openai_status_and_type(LlmException failure, int status, String type) {
        OpenAiException mapped = OpenAiErrorMappers.of(failure);

        assertThat(mapped.status()).isEqualTo(status);
        assertThat(mapped.body().getJsonObject("error").getString("type")).isEqualTo(type);
        if (failure instanceof LlmAuthenticationException) {
            // A provider's refusal may quote our key: the gateway never passes its text on.
            assertThat(mapped.body().getJsonObject("error").getString("message"))
                    .doesNotContain(failure.getMessage())
                    .contains("refused the credential");
        } else if (status >= 500) {
            // The provider's side: its text and our internals stay in the log; the client gets what it can act on.
            assertThat(mapped.body().getJsonObject("error").getString("message"))
                    .doesNotContain(failure.getMessage())
                    .startsWith("The model");
        } else {
            assertThat(mapped.body().getJsonObject("error").getString("message"))
                    .isEqualTo(failure.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("failures")
    void should_name_the_openai_parameter_and_send_retry_after_in_whole_seconds(
            LlmException failure, int status, String type) {
        OpenAiException mapped = OpenAiErrorMappers.of(failure);

        assertThat(mapped.retryAfterSeconds()).isEqualTo(failure instanceof LlmRateLimitedException ? 2 : 0);
        if (failure instanceof InvalidLlmRequestException invalid) {
            assertThat(OpenAiErrorMappers.of(failure)
                            .body()
                            .getJsonObject("error")
                            .getString("param"))
                    .isEqualTo(invalid.parameter().equals("images") ? "messages" : invalid.parameter());
        }
    }
}
