package io.llmadmin.services.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.ratelimit.RateLimiter;
import io.llmadmin.services.ratelimit.RateLimits;
import io.llmadmin.services.testsupport.TestRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared limiter against the real Redis, as two instances with two separate Lettuce clients: two servers behind a
 * load balancer enforcing one limit.
 */
class RedisRateLimiterTest extends RateLimiterContract {

    private String url;
    private String prefix;
    private RedisRateLimiter first;
    private RedisRateLimiter second;

    @BeforeEach
    void connect() {
        url = TestRedis.requireUrl();
        prefix = TestRedis.uniquePrefix();
        first = RedisRateLimiter.create(url, prefix, clock);
        second = RedisRateLimiter.create(url, prefix, clock);
    }

    @AfterEach
    void disconnect() {
        if (first != null) {
            first.close();
            second.close();
            TestRedis.deleteKeys(url, prefix);
        }
    }

    @Override
    protected List<RateLimiter> instances() {
        return List.of(first, second);
    }

    @Test
    void should_time_the_window_by_the_redis_server_when_no_clock_is_given() {
        try (RedisRateLimiter a = RedisRateLimiter.create(url, prefix);
                RedisRateLimiter b = RedisRateLimiter.create(url, prefix)) {
            RateLimits twoPerMinute = new RateLimits(2, 0, 0);
            a.admit("server-time", twoPerMinute, 0, 0);
            b.admit("server-time", twoPerMinute, 0, 0);

            LlmRateLimitedException refused = catchThrowableOfType(
                    LlmRateLimitedException.class, () -> a.admit("server-time", twoPerMinute, 0, 0));

            assertThat(refused.retryAfter())
                    .hasValueSatisfying(retryAfter ->
                            assertThat(retryAfter).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60)));
        }
    }

    @Test
    void should_keep_the_logs_expiry_when_its_only_reservation_is_settled() {
        first.admit("lonely", new RateLimits(1, 0, 0), 10, 0).settle(11, 4);

        RedisClient client = RedisClient.create(RedisURI.create(url));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            Long logExpiry = connection.sync().pttl(prefix + "{lonely}:log");
            Long sumsExpiry = connection.sync().pttl(prefix + "{lonely}:sums");

            assertThat(logExpiry).isPositive().isLessThanOrEqualTo(sumsExpiry + 1000);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void should_bound_the_walk_for_a_retry_after_when_the_log_holds_many_small_reservations() {
        RateLimits inputLimit = new RateLimits(0, 1500, 0);
        for (int call = 0; call < RedisRateLimiter.RETRY_AFTER_WALK_LIMIT; call++) {
            first.admit("many", inputLimit, 1, 0);
        }
        clock.advance(Duration.ofSeconds(10));
        for (int call = 0; call < 500; call++) {
            second.admit("many", inputLimit, 1, 0);
        }

        // Exactly, 1200 tokens fit at t=70 s; the walk stops after the first 1000 reservations, which leave at t=60 s.
        LlmRateLimitedException refused =
                catchThrowableOfType(LlmRateLimitedException.class, () -> first.admit("many", inputLimit, 1200, 0));

        assertThat(refused.retryAfter()).contains(Duration.ofSeconds(50));
        clock.advance(Duration.ofSeconds(50));
        assertThatThrownBy(() -> first.admit("many", inputLimit, 1200, 0))
                .isInstanceOfSatisfying(
                        LlmRateLimitedException.class,
                        again -> assertThat(again.retryAfter()).contains(Duration.ofSeconds(10)));
    }

    @Test
    void should_refuse_as_unavailable_when_redis_cannot_be_reached() {
        try (RedisRateLimiter nowhere = RedisRateLimiter.create("redis://127.0.0.1:1", prefix)) {
            assertThatThrownBy(() -> nowhere.admit("m", new RateLimits(1, 0, 0), 0, 0))
                    .isInstanceOf(LlmUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:1");
        }
    }

    @Test
    void should_never_show_the_password_when_the_url_is_invalid() {
        assertThatThrownBy(() -> RedisRateLimiter.create("http://:s3cret@host", prefix))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("s3cret");
    }

    @Test
    void should_run_the_scripts_again_when_redis_forgot_them() {
        RateLimits onePerMinute = new RateLimits(1, 0, 0);
        first.admit("flushed", onePerMinute, 0, 0).cancel();
        io.lettuce.core.RedisClient admin = io.lettuce.core.RedisClient.create(url);
        try (var connection = admin.connect()) {
            connection.sync().scriptFlush();
        } finally {
            admin.shutdown();
        }

        first.admit("flushed", onePerMinute, 0, 0);
        assertThatThrownBy(() -> second.admit("flushed", onePerMinute, 0, 0))
                .isInstanceOf(LlmRateLimitedException.class);
    }
}
