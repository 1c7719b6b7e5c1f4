package io.llmadmin.services.routing.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.llmadmin.services.redis.RedisUrls;
import java.time.Duration;
import java.util.Optional;

/** Answers in Redis, shared by every instance; Redis expires each one after its TTL ({@code SET ... PX}). */
final class RedisAnswerStore implements AnswerStore {

    private final RedisClient client;
    private final String where;
    private final String keyPrefix;
    private volatile StatefulRedisConnection<String, String> connection;

    private RedisAnswerStore(RedisClient client, String where, String keyPrefix) {
        this.client = client;
        this.where = where;
        this.keyPrefix = keyPrefix;
    }

    static RedisAnswerStore create(String redisUrl, String keyPrefix) {
        RedisURI uri = RedisUrls.parse(redisUrl);
        return new RedisAnswerStore(RedisClient.create(uri), RedisUrls.where(uri), keyPrefix);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(connection().sync().get(keyPrefix + key));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        connection().sync().set(keyPrefix + key, value, SetArgs.Builder.px(ttl.toMillis()));
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> held = connection;
        if (held == null) {
            synchronized (this) {
                held = connection;
                if (held == null) {
                    // Connected on first use, so a Redis that is down at start-up does not stop the application.
                    held = client.connect();
                    connection = held;
                }
            }
        }
        return held;
    }

    @Override
    public String where() {
        return "Redis at " + where + " (keys " + keyPrefix + "*)";
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> held = connection;
        if (held != null) {
            held.close();
        }
        client.shutdown();
    }
}
