package io.llmadmin.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The legacy contract (ARCHITECTURE.md, "The strangler gate"), "Rate limiter", through the facade. The limiters are process-wide, so each test uses a model name
 * of its own.
 */
@SuppressWarnings("removal")
class RateLimiterConformanceTest {

    private static String uniqueName() {
        return "model-" + UUID.randomUUID();
    }

    private static ModelConfig config(String name, int requests, int input, int output) {
        return new ModelConfig(
                ModelType.CHAT, "openai", name, "", 0, requests, input, output, false, new java.util.HashMap<>());
    }

    /** "hello" is one cl100k token, " hello" one more each. */
    private static String tokens(int count) {
        return count == 0 ? "" : "hello" + " hello".repeat(count - 1);
    }

    @Test
    void should_share_one_limiter_per_provider_and_name_and_keep_the_last_callers_limits() {
        String name = uniqueName();

        SlidingWindowLimiter first = Models.getRateLimiter("openai", name, 10, 1000, 500);
        SlidingWindowLimiter second = Models.getRateLimiter("openai", name, 3, null, -1);

        assertThat(second).isSameAs(first);
        assertThat(first.limit(SlidingWindowLimiter.REQUESTS)).isEqualTo(3);
        assertThat(first.limit(SlidingWindowLimiter.INPUT)).isZero();
        assertThat(first.limit(SlidingWindowLimiter.OUTPUT)).isZero();
        assertThat(Models.getRateLimiter("OpenAI", name, 0, 0, 0)).isNotSameAs(first);
        assertThat(Models.getRateLimiter("openai", name.toUpperCase(), 0, 0, 0)).isNotSameAs(first);
    }

    @Test
    void should_do_nothing_when_the_model_config_is_null() {
        assertThat(Models.applyRateLimiter(null, "text", (m, k, t, l) -> false)).isNull();
        assertThat(Models.applyRateLimiterAsync(null, "text", null)
                        .toCompletableFuture()
                        .join())
                .isNull();
    }

    @Test
    void should_count_the_current_request_first_so_that_request_n_plus_1_waits() {
        String name = uniqueName();
        ModelConfig config = config(name, 1, 0, 0);
        List<String> messages = new ArrayList<>();

        SlidingWindowLimiter limiter = Models.applyRateLimiter(config, "first", (m, k, t, l) -> {
            messages.add(m);
            return true;
        });
        Models.applyRateLimiter(config, "second", (message, key, total, limit) -> {
            messages.add(message + " " + key + " " + total + " " + limit);
            return true;
        });

        assertThat(messages).containsExactly("Rate limit exceeded for requests (2/1), waiting... requests 2 1");
        assertThat(limiter.total(SlidingWindowLimiter.REQUESTS)).isEqualTo(2);
    }

    @Test
    void should_let_a_total_equal_to_the_limit_pass_and_stop_one_strictly_greater() {
        String name = uniqueName();
        ModelConfig config = config(name, 0, 11, 0); // 10 tokens estimate to 11
        List<String> asked = new ArrayList<>();

        Models.applyRateLimiter(config, tokens(10), (m, k, t, l) -> asked.add(m));
        assertThat(asked).isEmpty();

        Models.applyRateLimiter(config, tokens(1), (m, k, t, l) -> asked.add(m));
        assertThat(asked).containsExactly("Rate limit exceeded for input (12/11), waiting...");
    }

    @Test
    void should_check_requests_then_input_then_output_and_report_only_the_first_exceeded() {
        String name = uniqueName();
        ModelConfig config = config(name, 1, 1, 0);
        List<String> keys = new ArrayList<>();

        Models.applyRateLimiter(config, tokens(5), (m, key, t, l) -> keys.add(key));
        Models.applyRateLimiter(config, tokens(5), (m, key, t, l) -> keys.add(key));

        assertThat(keys).containsExactly("input", "requests");
    }

    @Test
    void should_ask_again_about_every_second_while_the_callback_says_keep_waiting() {
        String name = uniqueName();
        ModelConfig config = config(name, 1, 0, 0);
        Models.applyRateLimiter(config, "first", null);
        AtomicInteger asked = new AtomicInteger();

        Models.applyRateLimiter(config, "second", (m, k, t, l) -> asked.incrementAndGet() >= 2);

        assertThat(asked).hasValue(2);
    }

    @Test
    void should_complete_the_async_variant_when_the_callback_lets_it_go() throws Exception {
        String name = uniqueName();
        ModelConfig config = config(name, 1, 0, 0);
        Models.applyRateLimiterAsync(config, "first", null)
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        List<Long> totals = new ArrayList<>();

        CompletionStage<SlidingWindowLimiter> admitted =
                Models.applyRateLimiterAsync(config, "second", (m, k, total, l) -> totals.add(total));

        SlidingWindowLimiter limiter = admitted.toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(totals).containsExactly(2L);
        assertThat(limiter).isSameAs(Models.getRateLimiter("openai", name, 1, 0, 0));
    }

    @Test
    void should_record_the_approximate_input_tokens_of_the_text() {
        String name = uniqueName();

        SlidingWindowLimiter limiter = Models.applyRateLimiter(config(name, 0, 0, 0), tokens(10), null);

        assertThat(limiter.total(SlidingWindowLimiter.INPUT)).isEqualTo(11);
        assertThat(limiter.total(SlidingWindowLimiter.REQUESTS)).isEqualTo(1);
    }

    @Test
    void should_approximate_tokens_as_floor_of_1_1_times_cl100k() {
        assertThat(Models.approximateTokens(tokens(1))).isEqualTo(1);
        assertThat(Models.approximateTokens(tokens(9))).isEqualTo(9);
        assertThat(Models.approximateTokens(tokens(10))).isEqualTo(11);
        assertThat(Models.approximateTokens("")).isZero();
    }
}
