package io.llmadmin.services.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.RateLimitHeadroom;
import io.llmadmin.services.ratelimit.RateLimiter;
import io.llmadmin.services.ratelimit.RateLimits;
import io.llmadmin.services.ratelimit.RatePermit;
import io.llmadmin.services.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} does, whatever keeps its state. Subclasses give one or more limiter instances that
 * share one state and one clock (two instances stand for two servers behind a load balancer).
 */
abstract class RateLimiterContract {

    protected final MutableClock clock = new MutableClock();

    /** The instances under test, sharing one state and {@link #clock}; at least one. */
    protected abstract List<RateLimiter> instances();

    private RateLimiter limiter() {
        return instances().get(0);
    }

    private RateLimiter lastInstance() {
        List<RateLimiter> all = instances();
        return all.get(all.size() - 1);
    }

    @Test
    void should_admit_exactly_the_limit_when_200_callers_race_for_60_requests() throws Exception {
        RateLimits sixtyPerMinute = new RateLimits(60, 0, 0);
        List<RateLimiter> limiters = instances();
        ExecutorService callers = Executors.newFixedThreadPool(200);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refusedWithRetryAfter = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        try {
            for (int caller = 0; caller < 200; caller++) {
                RateLimiter instance = limiters.get(caller % limiters.size());
                calls.add(callers.submit(() -> {
                    start.await();
                    try {
                        instance.admit("race", sixtyPerMinute, 100, 100);
                        admitted.incrementAndGet();
                    } catch (LlmRateLimitedException refused) {
                        if (refused.retryAfter().isPresent()) {
                            refusedWithRetryAfter.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(admitted).hasValue(60);
        assertThat(refusedWithRetryAfter).hasValue(140);
    }

    @Test
    void should_never_hold_more_than_a_limit_in_any_60_seconds_when_calls_come_and_go_at_random() {
        RateLimits limits = new RateLimits(40, 20_000, 8_000);
        Random random = new Random(42);
        record Admitted(long at, int input, int output) {}
        List<Admitted> admitted = new ArrayList<>();
        int refusals = 0;
        long start = clock.millis();
        while (clock.millis() - start < 180_000) {
            clock.advance(Duration.ofMillis(random.nextInt(600)));
            int input = random.nextInt(1500);
            int output = 1 + random.nextInt(800);
            RateLimiter instance = instances().get(random.nextInt(instances().size()));
            try {
                RatePermit permit = instance.admit("random", limits, input, output);
                if (random.nextInt(10) == 0) {
                    permit.cancel();
                } else {
                    int actualInput = input - random.nextInt(input / 10 + 1);
                    int actualOutput = random.nextInt(output + 1);
                    permit.settle(actualInput, actualOutput);
                    admitted.add(new Admitted(clock.millis(), actualInput, actualOutput));
                }
            } catch (LlmRateLimitedException refused) {
                refusals++;
            }
        }

        assertThat(refusals).as("the limits were reached").isGreaterThan(50);
        assertThat(admitted).hasSizeGreaterThan(100);
        for (Admitted last : admitted) {
            List<Admitted> window = admitted.stream()
                    .filter(a -> a.at() > last.at() - 60_000 && a.at() <= last.at())
                    .toList();
            assertThat(window).hasSizeLessThanOrEqualTo(40);
            assertThat(window.stream().mapToInt(Admitted::input).sum()).isLessThanOrEqualTo(20_000);
            assertThat(window.stream().mapToInt(Admitted::output).sum()).isLessThanOrEqualTo(8_000);
        }
    }

    @Test
    void should_admit_again_when_the_oldest_request_leaves_the_window() {
        RateLimits threePerMinute = new RateLimits(3, 0, 0);
        limiter().admit("m", threePerMinute, 0, 0);
        clock.advance(Duration.ofSeconds(10));
        limiter().admit("m", threePerMinute, 0, 0);
        clock.advance(Duration.ofSeconds(10));
        lastInstance().admit("m", threePerMinute, 0, 0);
        clock.advance(Duration.ofSeconds(10));

        LlmRateLimitedException refused = catchThrowableOfType(
                LlmRateLimitedException.class, () -> limiter().admit("m", threePerMinute, 0, 0));
        assertThat(refused.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(refused).hasMessageContaining("'m'").hasMessageContaining("3/3 requests per minute");

        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> limiter().admit("m", threePerMinute, 0, 0))
                .isInstanceOf(LlmRateLimitedException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> limiter().admit("m", threePerMinute, 0, 0)).doesNotThrowAnyException();
    }

    @Test
    void should_refuse_with_retry_after_when_input_tokens_of_the_minute_are_used_up() {
        RateLimits inputLimit = new RateLimits(0, 1000, 0);
        limiter().admit("m", inputLimit, 700, 0);
        clock.advance(Duration.ofSeconds(15));
        limiter().admit("m", inputLimit, 200, 0);
        clock.advance(Duration.ofSeconds(5));

        LlmRateLimitedException refused = catchThrowableOfType(
                LlmRateLimitedException.class, () -> lastInstance().admit("m", inputLimit, 300, 0));

        assertThat(refused).hasMessageContaining("900/1000 input tokens per minute in use and 300 requested");
        // 900 + 300 > 1000 until the first reservation (700) leaves the window, 40 s from now.
        assertThat(refused.retryAfter()).contains(Duration.ofSeconds(40));
        assertThatCode(() -> limiter().admit("m", inputLimit, 100, 0)).doesNotThrowAnyException();
    }

    @Test
    void should_refuse_with_retry_after_when_output_tokens_of_the_minute_are_used_up() {
        RateLimits outputLimit = new RateLimits(0, 0, 4000);
        limiter().admit("m", outputLimit, 10, 3000);
        clock.advance(Duration.ofSeconds(12));

        LlmRateLimitedException refused = catchThrowableOfType(
                LlmRateLimitedException.class, () -> lastInstance().admit("m", outputLimit, 10, 1500));

        assertThat(refused).hasMessageContaining("3000/4000 output tokens per minute in use and 1500 requested");
        assertThat(refused.retryAfter()).contains(Duration.ofSeconds(48));
        assertThat(refused.retriable()).isTrue();
    }

    @Test
    void should_tell_what_each_limit_has_left_and_when_its_oldest_reservation_leaves() {
        RateLimits limits = new RateLimits(10, 1000, 0);
        limiter().admit("m", limits, 300, 50);
        clock.advance(Duration.ofSeconds(20));

        RateLimitHeadroom headroom = lastInstance().admit("m", limits, 200, 50).headroom();

        assertThat(headroom.requests()).contains(new RateLimitHeadroom.Window(10, 8, Duration.ofSeconds(40)));
        assertThat(headroom.inputTokens()).contains(new RateLimitHeadroom.Window(1000, 500, Duration.ofSeconds(40)));
        assertThat(headroom.outputTokens()).as("no output limit is set").isEmpty();
        assertThat(headroom.tokens()).isEqualTo(headroom.inputTokens());
    }

    @Test
    void should_tell_on_a_refusal_what_is_left_and_when_the_call_would_fit() {
        RateLimits limits = new RateLimits(5, 1000, 0);
        RatePermit first = limiter().admit("m", limits, 700, 0);
        first.settle(700, 0);
        clock.advance(Duration.ofSeconds(15));
        limiter().admit("m", limits, 200, 0);
        clock.advance(Duration.ofSeconds(5));

        LlmRateLimitedException refused = catchThrowableOfType(
                LlmRateLimitedException.class, () -> lastInstance().admit("m", limits, 300, 0));

        assertThat(refused.headroom().inputTokens())
                .as("the call fits once the 700 leave the window, 40 s from now")
                .contains(new RateLimitHeadroom.Window(1000, 100, Duration.ofSeconds(40)));
        assertThat(refused.headroom().requests()).contains(new RateLimitHeadroom.Window(5, 3, Duration.ofSeconds(40)));
    }

    @Test
    void should_tell_no_headroom_when_no_limit_is_set() {
        assertThat(limiter().admit("m", RateLimits.UNLIMITED, 10, 10).headroom().isEmpty())
                .isTrue();
    }

    @Test
    void should_skip_a_cancelled_reservation_when_telling_when_room_frees() {
        RateLimits limits = new RateLimits(10, 0, 0);
        limiter().admit("m", limits, 0, 0).cancel();
        clock.advance(Duration.ofSeconds(30));

        RateLimitHeadroom headroom = lastInstance().admit("m", limits, 0, 0).headroom();

        assertThat(headroom.requests()).contains(new RateLimitHeadroom.Window(10, 9, Duration.ofSeconds(60)));
    }

    @Test
    void should_give_capacity_back_when_the_provider_reports_less_than_reserved() {
        RateLimits outputLimit = new RateLimits(0, 0, 1000);
        RatePermit permit = limiter().admit("m", outputLimit, 50, 1000);
        assertThatThrownBy(() -> limiter().admit("m", outputLimit, 50, 100))
                .isInstanceOf(LlmRateLimitedException.class);

        permit.settle(40, 150);

        assertThatCode(() -> lastInstance().admit("m", outputLimit, 50, 850)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter().admit("m", outputLimit, 50, 1)).isInstanceOf(LlmRateLimitedException.class);
    }

    @Test
    void should_charge_the_difference_when_the_provider_reports_more_than_estimated() {
        RateLimits inputLimit = new RateLimits(0, 1000, 0);
        RatePermit permit = limiter().admit("m", inputLimit, 100, 0);

        permit.settle(600, 0);

        assertThatThrownBy(() -> limiter().admit("m", inputLimit, 401, 0))
                .isInstanceOf(LlmRateLimitedException.class)
                .hasMessageContaining("600/1000 input tokens");
        assertThatCode(() -> lastInstance().admit("m", inputLimit, 400, 0)).doesNotThrowAnyException();
    }

    @Test
    void should_reserve_nothing_in_any_limit_when_an_admission_is_refused() {
        RateLimits limits = new RateLimits(2, 100, 100);
        limiter().admit("m", limits, 60, 50);

        // Refused on input (60 + 50 > 100) although requests and output had room: none of the three may move.
        assertThatThrownBy(() -> lastInstance().admit("m", limits, 50, 10))
                .isInstanceOf(LlmRateLimitedException.class)
                .hasMessageContaining("input tokens");

        // Exactly the rest of all three still fits: the 2nd request, 40 input and 50 output tokens.
        assertThatCode(() -> limiter().admit("m", limits, 40, 50)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter().admit("m", new RateLimits(3, 100, 101), 0, 1))
                .isInstanceOf(LlmRateLimitedException.class)
                .hasMessageContaining("input tokens");
    }

    @Test
    void should_not_count_the_request_when_the_permit_is_cancelled() {
        RateLimits onePerMinute = new RateLimits(1, 0, 0);
        RatePermit permit = limiter().admit("m", onePerMinute, 10, 10);

        permit.cancel();

        assertThatCode(() -> lastInstance().admit("m", onePerMinute, 10, 10)).doesNotThrowAnyException();
    }

    @Test
    void should_ignore_later_calls_when_a_permit_was_already_settled() {
        RateLimits limits = new RateLimits(1, 0, 100);
        RatePermit permit = limiter().admit("m", limits, 0, 100);
        permit.settle(0, 100);

        permit.cancel();
        permit.settle(0, 0);

        assertThatThrownBy(() -> limiter().admit("m", new RateLimits(2, 0, 100), 0, 1))
                .isInstanceOf(LlmRateLimitedException.class)
                .hasMessageContaining("100/100 output tokens");
    }

    @Test
    void should_apply_new_limits_at_the_next_admission_when_an_admin_edits_the_model() {
        limiter().admit("m", new RateLimits(5, 0, 0), 0, 0);
        limiter().admit("m", new RateLimits(5, 0, 0), 0, 0);

        assertThatThrownBy(() -> lastInstance().admit("m", new RateLimits(2, 0, 0), 0, 0))
                .isInstanceOf(LlmRateLimitedException.class)
                .hasMessageContaining("2/2 requests");
        assertThatCode(() -> limiter().admit("m", new RateLimits(3, 0, 0), 0, 0))
                .doesNotThrowAnyException();
        assertThatCode(() -> limiter().admit("m", RateLimits.UNLIMITED, 0, 0)).doesNotThrowAnyException();
    }

    @Test
    void should_keep_the_windows_of_two_models_apart() {
        RateLimits onePerMinute = new RateLimits(1, 0, 0);
        limiter().admit("a", onePerMinute, 0, 0);

        assertThatCode(() -> lastInstance().admit("b", onePerMinute, 0, 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter().admit("a", onePerMinute, 0, 0)).isInstanceOf(LlmRateLimitedException.class);
    }

    @Test
    void should_refuse_while_the_output_budget_is_used_up_when_max_tokens_is_not_given() {
        RateLimits outputLimit = new RateLimits(0, 0, 500);
        RatePermit permit = limiter().admit("m", outputLimit, 10, 0);
        assertThatCode(() -> limiter().admit("m", outputLimit, 10, 0).cancel()).doesNotThrowAnyException();

        permit.settle(10, 500);

        assertThatThrownBy(() -> lastInstance().admit("m", outputLimit, 10, 0))
                .isInstanceOf(LlmRateLimitedException.class)
                .hasMessageContaining("500/500 output tokens");
    }

    @Test
    void should_name_the_parameter_when_a_request_alone_exceeds_a_token_limit() {
        assertThatThrownBy(() -> limiter().admit("m", new RateLimits(0, 0, 4000), 10, 4001))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("max_tokens"))
                .hasMessageContaining("4001 output tokens")
                .hasMessageContaining("allows 4000");
        assertThatThrownBy(() -> limiter().admit("m", new RateLimits(0, 100, 0), 101, 0))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("messages"));
        assertThatCode(() -> limiter().admit("m", new RateLimits(0, 100, 4000), 100, 4000))
                .doesNotThrowAnyException();
    }

    @Test
    void should_admit_every_call_when_the_model_has_no_limits() {
        for (int call = 0; call < 500; call++) {
            instances().get(call % instances().size()).admit("free", RateLimits.UNLIMITED, 100_000, 100_000);
        }
    }

    @Test
    void should_name_the_argument_when_a_count_is_negative() {
        assertThatThrownBy(() -> limiter().admit("m", RateLimits.UNLIMITED, -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("estimatedInputTokens");
        assertThatThrownBy(() -> limiter().admit(" ", RateLimits.UNLIMITED, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modelId");
        RatePermit permit = limiter().admit("m", RateLimits.UNLIMITED, 0, 0);
        assertThatThrownBy(() -> permit.settle(0, -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actualOutputTokens");
    }
}
