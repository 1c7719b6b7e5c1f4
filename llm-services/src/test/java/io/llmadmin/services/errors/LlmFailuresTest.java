package io.llmadmin.services.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlmFailuresTest {

    @ParameterizedTest
    @CsvSource({
        "400, InvalidLlmRequestException, false",
        "401, LlmAuthenticationException, false",
        "403, LlmAuthenticationException, false",
        "404, LlmNotFoundException, false",
        "408, LlmTimeoutException, true",
        "409, InvalidLlmRequestException, false",
        "429, LlmRateLimitedException, true",
        "500, LlmUnavailableException, true",
        "502, LlmUnavailableException, true",
        "503, LlmUnavailableException, true",
        "504, LlmTimeoutException, true",
        "529, LlmUnavailableException, true"
    })
    void should_map_each_http_status_to_one_kind_and_retriability(int status, String kind, boolean retriable) {
        LlmException failure = LlmFailures.fromHttpStatus(status, "openai", "upstream said no", null, null);

        assertThat(failure.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(failure.retriable()).isEqualTo(retriable);
        assertThat(failure.getMessage()).contains("openai", String.valueOf(status), "upstream said no");
    }

    @ParameterizedTest
    @CsvSource({"429, 7"})
    void should_keep_the_retry_after_of_a_rate_limit(int status, long seconds) {
        LlmException failure = LlmFailures.fromHttpStatus(status, "anthropic", null, Duration.ofSeconds(seconds), null);

        assertThat(((LlmRateLimitedException) failure).retryAfter()).contains(Duration.ofSeconds(seconds));
    }
}
