package io.llmadmin.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@SuppressWarnings("removal") // the facade's own limiter, deprecated with it
class LegacyRateLimitersTest {

    /** cl100k counts 10 tokens here, so approximateTokens gives 11. */
    private static final String TEN_TOKENS = "The quick brown fox jumps over the lazy dog.";

    private final MutableClock clock = new MutableClock();
    private final RecordingPacer pacer = new RecordingPacer();
    private final LegacyRateLimiters registry = new LegacyRateLimiters(clock, pacer);
    private final List<String> asked = new ArrayList<>();

    private SlidingWindowLimiter.Callback answering(boolean goAhead) {
        return (message, key, total, limit) -> {
            asked.add(message + " | " + key + " " + total + " " + limit);
            return goAhead;
        };
    }

    @Test
    void should_share_one_limiter_per_provider_and_name_when_looked_up_twice() {
        SlidingWindowLimiter first = registry.get("openai", "gpt-4o", 1, 0, 0);

        assertThat(registry.get("openai", "gpt-4o", null, null, null)).isSameAs(first);
        assertThat(registry.get("OpenAI", "gpt-4o", 1, 0, 0)).isNotSameAs(first);
        assertThat(registry.get("openai", "gpt-4o-mini", 1, 0, 0)).isNotSameAs(first);
        assertThat(LegacyRateLimiters.processWide()).isSameAs(LegacyRateLimiters.processWide());
    }

    @Test
    void should_take_the_last_callers_limits_when_looked_up_again() {
        SlidingWindowLimiter limiter = registry.get("groq", "llama", 5, 100, 200);

        registry.get("groq", "llama", 7, null, -3);

        assertThat(limiter.limit(SlidingWindowLimiter.REQUESTS)).isEqualTo(7);
        assertThat(limiter.limit(SlidingWindowLimiter.INPUT)).isZero();
        assertThat(limiter.limit(SlidingWindowLimiter.OUTPUT)).isZero();
    }

    @Test
    void should_let_n_requests_through_and_make_the_next_wait_when_the_limit_is_n() {
        for (int call = 0; call < 3; call++) {
            registry.apply("openai", "gpt-4o", 3, 0, 0, "hi", answering(false));
        }
        assertThat(asked).isEmpty();
        assertThat(pacer.waits).isEmpty();

        clock.advance(Duration.ofSeconds(10));
        registry.apply("openai", "gpt-4o", 3, 0, 0, "hi", answering(false));

        // The three earlier requests leave the window at t=60 s: asked at t=10..59, once a second.
        assertThat(pacer.waits).hasSize(50).containsOnly(Duration.ofSeconds(1));
        assertThat(asked)
                .hasSize(50)
                .allMatch(line -> line.equals("Rate limit exceeded for requests (4/3), waiting... | requests 4 3"));
    }

    @Test
    void should_report_the_message_of_the_contract_when_one_request_over_a_limit_of_one() {
        registry.apply("p", "m", 1, 0, 0, "hi", answering(true));
        registry.apply("p", "m", 1, 0, 0, "hi", answering(true));

        assertThat(asked).containsExactly("Rate limit exceeded for requests (2/1), waiting... | requests 2 1");
    }

    @Test
    void should_go_ahead_at_once_when_the_callback_says_so() {
        registry.apply("p", "m", 1, 0, 0, "hi", null);

        SlidingWindowLimiter limiter = registry.apply("p", "m", 1, 0, 0, "hi", answering(true));

        assertThat(pacer.waits).isEmpty();
        assertThat(limiter.total(SlidingWindowLimiter.REQUESTS)).isEqualTo(2);
    }

    @Test
    void should_wait_without_asking_when_there_is_no_callback() {
        registry.apply("p", "m", 1, 0, 0, "hi", null);
        clock.advance(Duration.ofSeconds(30));

        registry.apply("p", "m", 1, 0, 0, "hi", null);

        assertThat(pacer.waits).hasSize(30);
    }

    @Test
    void should_record_the_approximate_input_before_checking_when_applied() {
        SlidingWindowLimiter limiter = registry.apply("p", "m", 0, 10, 0, TEN_TOKENS, answering(true));

        assertThat(asked).containsExactly("Rate limit exceeded for input (11/10), waiting... | input 11 10");
        assertThat(limiter.total(SlidingWindowLimiter.INPUT)).isEqualTo(11);
    }

    @Test
    void should_not_wait_when_a_total_equals_its_limit() {
        registry.apply("p", "m", 0, 11, 0, TEN_TOKENS, answering(false));

        assertThat(asked).isEmpty();
        assertThat(pacer.waits).isEmpty();
    }

    @Test
    void should_ask_about_requests_first_and_stop_there_when_several_limits_are_exceeded() {
        SlidingWindowLimiter limiter = registry.get("p", "m", 1, 1, 1);
        limiter.add(SlidingWindowLimiter.OUTPUT, 5);
        registry.apply("p", "m", 1, 1, 1, "", answering(true));

        registry.apply("p", "m", 1, 1, 1, TEN_TOKENS, answering(true));

        assertThat(asked)
                .containsExactly(
                        "Rate limit exceeded for output (5/1), waiting... | output 5 1",
                        "Rate limit exceeded for requests (2/1), waiting... | requests 2 1");
    }

    @Test
    void should_count_output_recorded_later_against_later_calls() {
        SlidingWindowLimiter limiter = registry.apply("p", "m", 0, 0, 10, "hi", answering(false));
        limiter.add(SlidingWindowLimiter.OUTPUT, 6);
        limiter.add(SlidingWindowLimiter.OUTPUT, 5);
        clock.advance(Duration.ofSeconds(20));

        registry.apply("p", "m", 0, 0, 10, "hi", answering(false));

        assertThat(asked).first().asString().startsWith("Rate limit exceeded for output (11/10), waiting...");
        assertThat(pacer.waits).hasSize(40);
    }

    @Test
    void should_forget_what_was_recorded_when_it_is_60_seconds_old() {
        SlidingWindowLimiter limiter = registry.apply("p", "m", 0, 0, 0, TEN_TOKENS, null);
        clock.advance(Duration.ofMillis(59_999));
        assertThat(limiter.total(SlidingWindowLimiter.INPUT)).isEqualTo(11);

        clock.advance(Duration.ofMillis(1));

        assertThat(limiter.total(SlidingWindowLimiter.INPUT)).isZero();
        assertThat(limiter.total(SlidingWindowLimiter.REQUESTS)).isZero();
    }

    @Test
    void should_complete_the_async_variant_when_the_window_has_room_again() {
        registry.apply("p", "m", 1, 0, 0, "hi", null);
        clock.advance(Duration.ofSeconds(55));

        CompletionStage<SlidingWindowLimiter> admitted = registry.applyAsync("p", "m", 1, 0, 0, "hi", answering(false));

        assertThat(admitted.toCompletableFuture()).isCompletedWithValue(registry.get("p", "m", 1, 0, 0));
        assertThat(pacer.scheduled).isEqualTo(5);
        assertThat(asked).hasSize(5);
    }

    @Test
    void should_complete_the_async_variant_at_once_when_under_the_limits() {
        CompletionStage<SlidingWindowLimiter> admitted = registry.applyAsync("p", "m", 2, 0, 0, "hi", null);

        assertThat(admitted.toCompletableFuture()).isCompleted();
        assertThat(pacer.scheduled).isZero();
    }

    @Test
    void should_stop_checking_when_the_async_wait_is_cancelled() {
        registry.apply("p", "m", 1, 0, 0, "hi", null);
        pacer.holdScheduledTasks = true;
        CompletableFuture<SlidingWindowLimiter> admitted =
                registry.applyAsync("p", "m", 1, 0, 0, "hi", answering(false)).toCompletableFuture();
        assertThat(asked).hasSize(1);

        admitted.cancel(false);
        pacer.runHeldTasks();

        assertThat(asked).hasSize(1);
    }

    @Test
    void should_stop_waiting_and_keep_the_interrupt_when_the_thread_is_interrupted() {
        registry.apply("p", "m", 1, 0, 0, "hi", null);
        pacer.interruptOnSleep = true;

        assertThatThrownBy(() -> registry.apply("p", "m", 1, 0, 0, "hi", null))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("p\\m");
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void should_check_again_after_a_real_second_when_waiting_with_the_real_pacer() throws Exception {
        LegacyRateLimiters real = new LegacyRateLimiters(clock, LegacyRateLimiters.Pacer.REAL);
        real.apply("p", "m", 1, 0, 0, "hi", null);
        SlidingWindowLimiter.Callback letTheMinutePass = (message, key, total, limit) -> {
            clock.advance(Duration.ofSeconds(60));
            return false;
        };

        long started = System.nanoTime();
        CompletableFuture<SlidingWindowLimiter> admitted =
                real.applyAsync("p", "m", 1, 0, 0, "hi", letTheMinutePass).toCompletableFuture();
        assertThat(admitted).isNotDone();
        admitted.get(10, TimeUnit.SECONDS);
        real.apply("p", "m", 1, 0, 0, "hi", letTheMinutePass);
        real.apply("p", "m", 1, 0, 0, "hi", letTheMinutePass);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void should_name_the_parameter_when_the_text_is_null() {
        assertThatThrownBy(() -> registry.apply("p", "m", 1, 0, 0, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("text");
    }

    /** Passes time on the test clock instead of sleeping. */
    private final class RecordingPacer implements LegacyRateLimiters.Pacer {
        final List<Duration> waits = new ArrayList<>();
        final List<Runnable> held = new ArrayList<>();
        int scheduled;
        boolean interruptOnSleep;
        boolean holdScheduledTasks;

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (interruptOnSleep) {
                throw new InterruptedException();
            }
            waits.add(duration);
            clock.advance(duration);
        }

        @Override
        public void schedule(Duration delay, Runnable task) {
            scheduled++;
            clock.advance(delay);
            if (holdScheduledTasks) {
                held.add(task);
            } else {
                task.run();
            }
        }

        void runHeldTasks() {
            List.copyOf(held).forEach(Runnable::run);
        }
    }
}
