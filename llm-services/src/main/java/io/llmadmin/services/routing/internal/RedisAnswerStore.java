package io.llmadmin.services.routing.internal;

import io.lettuce.core.SetArgs;
import io.llmadmin.services.redis.LazyRedisConnection;
import java.time.Duration;
import java.util.Optional;

/** Answers in Redis, shared by every instance; Redis expires each one after its TTL ({@code SET ... PX}). */
final class RedisAnswerStore implements AnswerStore {

    private final LazyRedisConnection redis;
    private final String keyPrefix;

    private RedisAnswerStore(LazyRedisConnection redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    static RedisAnswerStore create(String redisUrl, String keyPrefix) {
        return new RedisAnswerStore(new LazyRedisConnection(redisUrl, "Response cache"), keyPrefix);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(redis.get().sync().get(keyPrefix + key));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        redis.get().sync().set(keyPrefix + key, value, SetArgs.Builder.px(ttl.toMillis()));
    }

    @Override
    public String where() {
        return "Redis at " + redis.where() + " (keys " + keyPrefix + "*)";
    }

    @Override
    public void close() {
        redis.close();
    }
}
