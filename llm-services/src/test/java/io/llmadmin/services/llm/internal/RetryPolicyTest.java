package io.llmadmin.services.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmAuthenticationException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.LlmTimeoutException;
import io.llmadmin.services.errors.LlmUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private static RetryPolicy policy(double random) {
        return new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(1000), () -> random);
    }

    @ParameterizedTest
    @CsvSource({"1, 0.0, 50", "1, 1.0, 100", "2, 1.0, 200", "3, 1.0, 400", "3, 0.0, 200"})
    void should_back_off_exponentially_with_jitter(int retry, double random, long expectedMillis) {
        assertThat(policy(random).delayBefore(retry, new LlmUnavailableException("down", null)))
                .contains(Duration.ofMillis(expectedMillis));
    }

    @Test
    void should_cap_the_delay_at_the_maximum() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), () -> 1.0);

        assertThat(policy.delayBefore(8, new LlmTimeoutException("slow", null))).contains(Duration.ofMillis(1000));
    }

    @Test
    void should_stop_after_the_last_retry() {
        assertThat(policy(1.0).delayBefore(4, new LlmUnavailableException("down", null)))
                .isEmpty();
    }

    @Test
    void should_never_retry_a_failure_that_is_not_retriable() {
        assertThat(policy(1.0).delayBefore(1, new InvalidLlmRequestException("temperature", "bad")))
                .isEmpty();
        assertThat(policy(1.0).delayBefore(1, new LlmAuthenticationException("no", null)))
                .isEmpty();
    }

    @Test
    void should_wait_the_providers_retry_after_when_it_is_shorter_than_the_bound() {
        LlmRateLimitedException limited = new LlmRateLimitedException("429", Duration.ofMillis(300), null);

        assertThat(policy(0.0).delayBefore(1, limited)).contains(Duration.ofMillis(300));
    }

    @Test
    void should_not_wait_when_the_retry_after_is_not_shorter_than_the_bound() {
        LlmRateLimitedException sevenSeconds = new LlmRateLimitedException("429", Duration.ofSeconds(7), null);
        LlmRateLimitedException atTheBound =
                new LlmRateLimitedException("429", RetryPolicy.DEFAULT_RATE_LIMIT_MAX_WAIT, null);

        assertThat(policy(0.0).delayBefore(1, sevenSeconds)).isEmpty();
        assertThat(policy(0.0).delayBefore(1, atTheBound)).isEmpty();
    }

    @Test
    void should_not_retry_a_providers_429_without_a_retry_after_or_when_a_fallback_can_take_the_call() {
        LlmRateLimitedException blind = new LlmRateLimitedException("429", null, null);
        LlmRateLimitedException brief = new LlmRateLimitedException("429", Duration.ofMillis(100), null);

        assertThat(policy(0.0).delayBefore(1, blind)).isEmpty();
        assertThat(policy(0.0).delayBefore(1, brief, true)).isEmpty();
    }

    @Test
    void should_never_retry_when_configured_with_zero_retries() {
        RetryPolicy none = RetryPolicy.of(0, Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(none.delayBefore(1, new LlmUnavailableException("down", null)))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"7, 7000", "0.5, 500", "0, 0"})
    void should_read_retry_after_as_seconds(String header, long millis) {
        assertThat(ProviderHttpClient.parseRetryAfter(header)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void should_read_retry_after_as_an_http_date_in_the_past_as_zero() {
        assertThat(ProviderHttpClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
                .isEqualTo(Duration.ZERO);
        assertThat(ProviderHttpClient.parseRetryAfter("soon")).isNull();
    }
}
