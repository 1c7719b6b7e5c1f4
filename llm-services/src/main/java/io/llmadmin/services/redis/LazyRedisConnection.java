package io.llmadmin.services.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.logging.Logger;

/**
 * One Redis connection, opened on first use, so that a Redis that is down at start-up does not stop the application
 * (its users fail their calls instead, each as its feature decides). Thread-safe.
 */
public final class LazyRedisConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LazyRedisConnection.class.getName());

    private final RedisClient client;
    private final String where;
    private final String user;
    private volatile StatefulRedisConnection<String, String> connection;

    /**
     * @param redisUrl {@code REDIS_URL}
     * @param user who connects, for the log line when it does ({@code "Rate limiter"})
     */
    public LazyRedisConnection(String redisUrl, String user) {
        RedisURI uri = RedisUrls.parse(redisUrl);
        this.client = RedisClient.create(uri);
        this.where = RedisUrls.where(uri);
        this.user = user;
    }

    /** Host and port of the Redis server, never its password. */
    public String where() {
        return where;
    }

    public StatefulRedisConnection<String, String> get() {
        StatefulRedisConnection<String, String> held = connection;
        if (held == null) {
            synchronized (this) {
                held = connection;
                if (held == null) {
                    held = client.connect();
                    connection = held;
                    LOG.info(() -> user + " connected to Redis at " + where);
                }
            }
        }
        return held;
    }

    /** Closes the connection and the client's threads. */
    @Override
    public void close() {
        StatefulRedisConnection<String, String> held = connection;
        if (held != null) {
            held.close();
        }
        client.shutdown();
    }
}
