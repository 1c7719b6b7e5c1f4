package io.llmadmin.services.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Objects;

/** {@code REDIS_URL} as Lettuce's {@link RedisURI}, with the project's command timeout and safe error messages. */
public final class RedisUrls {

    /** Lettuce's default is 60 s: far too long to hold an LLM call waiting for its rate-limit decision. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private RedisUrls() {}

    /**
     * @throws IllegalArgumentException when the URL is not a {@code redis://} or {@code rediss://} URL; the message
     *     never repeats it, since it may carry a password
     */
    public static RedisURI parse(String redisUrl) {
        RedisURI uri;
        try {
            uri = RedisURI.create(Objects.requireNonNull(redisUrl, "redisUrl"));
        } catch (IllegalArgumentException e) {
            // The message of the cause could repeat the URL and its password.
            throw new IllegalArgumentException("REDIS_URL is not a valid redis:// or rediss:// URL");
        }
        if (RedisURI.DEFAULT_TIMEOUT_DURATION.equals(uri.getTimeout())) {
            uri.setTimeout(DEFAULT_COMMAND_TIMEOUT);
        }
        return uri;
    }

    /** Host and port, never the password: what a log line may say about where Redis is. */
    public static String where(RedisURI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }
}
