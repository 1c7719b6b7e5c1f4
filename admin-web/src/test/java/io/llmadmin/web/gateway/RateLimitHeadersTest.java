package io.llmadmin.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.RateLimitHeadroom;
import io.llmadmin.services.errors.RateLimitHeadroom.Window;
import io.llmadmin.services.ratelimit.RateLimits;
import io.llmadmin.services.ratelimit.internal.InProcessRateLimiter;
import io.llmadmin.services.testsupport.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OpenAI's rate-limit headers from what the limits had left, and the in-process limiter's figures behind them. */
class RateLimitHeadersTest {

    @Test
    void should_write_resets_as_openai_does() {
        assertThat(RateLimitHeaders.duration(Duration.ZERO)).isEqualTo("0s");
        assertThat(RateLimitHeaders.duration(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(RateLimitHeaders.duration(Duration.ofSeconds(1))).isEqualTo("1s");
        assertThat(RateLimitHeaders.duration(Duration.ofMillis(59_874))).isEqualTo("59.874s");
        assertThat(RateLimitHeaders.duration(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(RateLimitHeaders.duration(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(RateLimitHeaders.duration(Duration.ofMinutes(1))).isEqualTo("1m0s");
        assertThat(RateLimitHeaders.duration(Duration.ofMinutes(6))).isEqualTo("6m0s");
        assertThat(RateLimitHeaders.duration(Duration.ofHours(1))).isEqualTo("1h0m0s");
    }

    @Test
    void should_tell_the_tighter_of_the_keys_and_the_models_limits_and_the_tighter_token_window() {
        RateLimitHeadroom key = new RateLimitHeadroom(
                Optional.of(new Window(10, 2, Duration.ofSeconds(5))), Optional.empty(), Optional.empty());
        RateLimitHeadroom model = new RateLimitHeadroom(
                Optional.of(new Window(100, 50, Duration.ofSeconds(30))),
                Optional.of(new Window(10_000, 9_000, Duration.ofSeconds(40))),
                Optional.of(new Window(2_000, 300, Duration.ofMillis(1500))));

        assertThat(RateLimitHeaders.of(model.tighter(key)))
                .containsExactly(
                        java.util.Map.entry("x-ratelimit-limit-requests", "10"),
                        java.util.Map.entry("x-ratelimit-limit-tokens", "2000"),
                        java.util.Map.entry("x-ratelimit-remaining-requests", "2"),
                        java.util.Map.entry("x-ratelimit-remaining-tokens", "300"),
                        java.util.Map.entry("x-ratelimit-reset-requests", "5s"),
                        java.util.Map.entry("x-ratelimit-reset-tokens", "1.5s"));
    }

    @Test
    void should_send_no_header_without_a_limit() {
        assertThat(RateLimitHeaders.of(RateLimitHeadroom.NONE)).isEmpty();
    }

    @Test
    void should_tell_what_the_in_process_limiter_has_left_on_answers_and_on_its_429() {
        MutableClock clock = new MutableClock();
        InProcessRateLimiter limiter = new InProcessRateLimiter(clock);
        RateLimits twoPerMinute = new RateLimits(2, 0, 500);
        RateLimitHeadroom first = limiter.admit("m", twoPerMinute, 10, 200).headroom();
        clock.advance(Duration.ofSeconds(15));
        limiter.admit("m", twoPerMinute, 10, 100);
        LlmRateLimitedException refused = null;
        try {
            limiter.admit("m", twoPerMinute, 10, 100);
        } catch (LlmRateLimitedException e) {
            refused = e;
        }

        assertThat(RateLimitHeaders.of(first))
                .containsEntry("x-ratelimit-remaining-requests", "1")
                .containsEntry("x-ratelimit-remaining-tokens", "300")
                .containsEntry("x-ratelimit-reset-requests", "1m0s");
        assertThat(refused).isNotNull();
        // The first call leaves the window 45 s from now: then the refused call fits.
        assertThat(RateLimitHeaders.of(refused.headroom()))
                .containsEntry("x-ratelimit-remaining-requests", "0")
                .containsEntry("x-ratelimit-reset-requests", "45s")
                .containsEntry("x-ratelimit-remaining-tokens", "200")
                .containsEntry("x-ratelimit-reset-tokens", "45s");
    }
}
