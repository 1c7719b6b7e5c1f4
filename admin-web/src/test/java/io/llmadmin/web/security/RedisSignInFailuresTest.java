package io.llmadmin.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis store counts and locks exactly as the in-memory one (the same rule, {@link SignInThrottle#lockAfter}, in
 * its Lua script), against the real test Redis; two stores on one Redis (two instances) share their counts.
 */
class RedisSignInFailuresTest {

    private final String prefix = "llmadmin-test:signin:" + UUID.randomUUID() + ":";
    private final RedisSignInFailures redis = new RedisSignInFailures(requireRedis(), prefix);
    private final RedisSignInFailures otherInstance = new RedisSignInFailures(requireRedis(), prefix);
    private final InMemorySignInFailures memory = new InMemorySignInFailures();
    private final Instant now = Instant.parse("2026-12-04T09:00:00Z");

    @AfterEach
    void close() {
        redis.forget("user:alice");
        redis.close();
        otherInstance.close();
    }

    @Test
    void should_count_and_lock_as_the_in_memory_store_does() {
        for (int failure = 1; failure <= 30; failure++) {
            Instant at = now.plusSeconds(failure);
            SignInFailures.Counted inRedis = redis.count("user:alice", at, SignInThrottle.USER_THRESHOLD);
            SignInFailures.Counted inMemory = memory.count("user:alice", at, SignInThrottle.USER_THRESHOLD);

            assertThat(inRedis).as("failure " + failure).isEqualTo(inMemory);
            assertThat(redis.lockedUntil("user:alice", at))
                    .as("failure " + failure)
                    .isEqualTo(memory.lockedUntil("user:alice", at));
        }
        assertThat(redis.lockedUntil("user:alice", now.plusSeconds(30)))
                .hasValue(now.plusSeconds(30).plus(SignInThrottle.MAX_LOCK));
    }

    @Test
    void should_share_counts_and_locks_between_instances_until_a_success() {
        for (int failure = 1; failure < SignInThrottle.USER_THRESHOLD; failure++) {
            (failure % 2 == 0 ? redis : otherInstance).count("user:alice", now, SignInThrottle.USER_THRESHOLD);
        }
        SignInFailures.Counted fifth = redis.count("user:alice", now, SignInThrottle.USER_THRESHOLD);

        assertThat(fifth.justLocked()).isTrue();
        assertThat(otherInstance.lockedUntil("user:alice", now)).hasValue(now.plus(SignInThrottle.FIRST_LOCK));
        assertThat(otherInstance.lockedUntil("user:alice", now.plus(SignInThrottle.FIRST_LOCK)))
                .as("once the lock has ended")
                .isEmpty();

        otherInstance.forget("user:alice");
        assertThat(redis.lockedUntil("user:alice", now)).isEmpty();
        assertThat(redis.count("user:alice", now, SignInThrottle.USER_THRESHOLD).count())
                .isEqualTo(1);
    }

    @Test
    void should_name_keys_by_a_hash_whatever_the_user_name() {
        String key = redis.redisKey("user:" + "x".repeat(10_000));

        assertThat(key).startsWith(prefix).hasSize(prefix.length() + 64);
        assertThat(redis.lockedUntil("user:never-seen", now)).isEqualTo(Optional.empty());
    }

    /** The test Redis (LLMADMIN_TEST_REDIS_URL), or the test is skipped loudly unless LLMADMIN_REQUIRE_SERVICES. */
    private static String requireRedis() {
        String url =
                Optional.ofNullable(System.getenv("LLMADMIN_TEST_REDIS_URL")).orElse("redis://127.0.0.1:6379");
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().ping();
        } catch (RuntimeException e) {
            it.llmadmin.MissingService.skipOrFail("Redis at " + url + " is not reachable", e);
        } finally {
            client.shutdown();
        }
        return url;
    }
}
