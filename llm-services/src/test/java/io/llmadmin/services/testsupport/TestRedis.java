package io.llmadmin.services.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The real Redis the shared-limit tests run on. Its address comes from {@code LLMADMIN_TEST_REDIS_URL} (default
 * {@code redis://127.0.0.1:6379}); when it cannot be reached the test is skipped with a loud message, unless
 * {@code LLMADMIN_REQUIRE_SERVICES=true} (as in CI), where that is a failure. Every test gets its own key prefix, so
 * reruns and parallel builds never share state.
 */
public final class TestRedis {

    private static final Logger LOG = Logger.getLogger(TestRedis.class.getName());

    private TestRedis() {}

    /** The test Redis URL, after checking that it answers PING (or skipping the test). */
    public static String requireUrl() {
        String url = env("LLMADMIN_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().ping();
        } catch (RuntimeException e) {
            String message =
                    "Redis at " + uri.getHost() + ":" + uri.getPort() + " is not reachable (" + e.getMessage() + ")";
            if (Boolean.parseBoolean(env("LLMADMIN_REQUIRE_SERVICES", "false"))) {
                throw new IllegalStateException(message + " and LLMADMIN_REQUIRE_SERVICES=true", e);
            }
            LOG.severe(() -> "SKIPPED: " + message);
            assumeTrue(false, "SKIPPED: " + message);
        } finally {
            client.shutdown();
        }
        return url;
    }

    /** A key prefix no other test run uses. */
    public static String uniquePrefix() {
        return "llmadmin-test:" + UUID.randomUUID() + ":";
    }

    /** Deletes every key under a prefix. */
    public static void deleteKeys(String url, String prefix) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = new ArrayList<>();
            ScanIterator.scan(
                            connection.sync(),
                            ScanArgs.Builder.matches(prefix + "*").limit(500))
                    .forEachRemaining(keys::add);
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
