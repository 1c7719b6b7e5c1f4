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
        assertThat(failure.getMessage()).contains("openai", String.valueOf(status));
        if (status == 401 || status == 403) {
            assertThat(failure.getMessage()).contains("refused the credential").doesNotContain("upstream said no");
        } else {
            assertThat(failure.getMessage()).contains("upstream said no");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "401|Incorrect API key provided: sk-proj-abc123def456. You can find your API key at x",
                "403|Incorrect API key provided: sk-proj-********************wxyz.",
                "400|Invalid header: Bearer llmk_abcdefghijklmnop was refused",
                "400|key=AIzaSyA1234567890abcdefghijklmnopqrstuv is not valid",
                "500|could not reach http://user:pass@db.internal:5432/x"
            })
    void should_pass_on_no_key_material_when_a_provider_quotes_it(int status, String said) {
        LlmException failure = LlmFailures.fromHttpStatus(status, "openai", said, null, null);

        assertThat(failure.getMessage())
                .doesNotContain("abc123def456")
                .doesNotContain("wxyz")
                .doesNotContain("abcdefghijklmnop")
                .doesNotContain("AIzaSyA1234567890")
                .doesNotContain("user:pass");
    }

    @ParameterizedTest
    @CsvSource({"429, 7"})
    void should_keep_the_retry_after_of_a_rate_limit(int status, long seconds) {
        LlmException failure = LlmFailures.fromHttpStatus(status, "anthropic", null, Duration.ofSeconds(seconds), null);

        assertThat(((LlmRateLimitedException) failure).retryAfter()).contains(Duration.ofSeconds(seconds));
    }
}
