package io.llmadmin.services.catalog.internal;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.llmadmin.services.catalog.CatalogBroadcast;
import io.llmadmin.services.redis.RedisUrls;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Catalog change notices through Redis pub/sub: every instance publishes its own id on one channel after a committed
 * change, and drops its snapshot when it hears another instance's. A notice can be lost while an instance is cut off
 * from Redis, so the snapshot is also dropped whenever the subscription is (re)established; if Redis cannot be reached
 * at start, subscribing is retried every {@link #RETRY_EVERY} on the client's own event loop.
 */
public final class RedisCatalogBroadcast implements CatalogBroadcast, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisCatalogBroadcast.class.getName());
    static final Duration RETRY_EVERY = Duration.ofSeconds(10);

    private final RedisClient client;
    private final String where;
    private final String channel;
    private final Runnable dropSnapshot;
    private final String instanceId = UUID.randomUUID().toString();
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile boolean closed;

    private RedisCatalogBroadcast(RedisClient client, String where, String channel, Runnable dropSnapshot) {
        this.client = client;
        this.where = where;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.dropSnapshot = Objects.requireNonNull(dropSnapshot, "dropSnapshot");
    }

    /**
     * Subscribes to {@code channel} on the Redis at {@code redisUrl}, or keeps trying in the background.
     *
     * @param dropSnapshot what to do when another instance changed the catalog (or a notice may have been missed)
     */
    public static RedisCatalogBroadcast start(String redisUrl, String channel, Runnable dropSnapshot) {
        RedisURI uri = RedisUrls.parse(redisUrl);
        RedisCatalogBroadcast broadcast =
                new RedisCatalogBroadcast(RedisClient.create(uri), RedisUrls.where(uri), channel, dropSnapshot);
        broadcast.client.addListener(broadcast.new Reconnects());
        broadcast.subscribeOrRetry();
        return broadcast;
    }

    /** Host and port of the Redis server, never its password. */
    public String where() {
        return where;
    }

    /** Whether this instance hears the others now. */
    public boolean subscribed() {
        StatefulRedisPubSubConnection<String, String> held = subscription;
        return held != null && held.isOpen();
    }

    @Override
    public void changed() {
        try {
            publisherConnection().async().publish(channel, instanceId);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not tell the other instances through Redis at " + where
                    + " that the model catalog changed; they show it within MODEL_CACHE_TIMEOUT: "
                    + e.getClass().getName());
        }
    }

    private synchronized StatefulRedisConnection<String, String> publisherConnection() {
        if (publisher == null || !publisher.isOpen()) {
            publisher = client.connect();
        }
        return publisher;
    }

    private synchronized void subscribeOrRetry() {
        if (closed || subscription != null) {
            return;
        }
        try {
            StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    if (!instanceId.equals(message)) {
                        dropSnapshot.run();
                    }
                }
            });
            connection.sync().subscribe(channel);
            subscription = connection;
            // Changes made while this instance was not listening would otherwise wait for the snapshot's age.
            dropSnapshot.run();
            LOG.info(() -> "Model catalog changes are shared with the other instances through Redis at " + where);
        } catch (RuntimeException e) {
            LOG.warning(() ->
                    "Redis at " + where + " cannot be reached (" + e.getClass().getName()
                            + "); other instances' catalog changes show within MODEL_CACHE_TIMEOUT until it can. Retrying in "
                            + RETRY_EVERY.toSeconds() + " s");
            client.getResources()
                    .eventExecutorGroup()
                    .schedule(this::subscribeOrRetry, RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        client.shutdown();
    }

    /**
     * After Lettuce reconnects the subscription (and resubscribes) on its own, notices sent meanwhile are lost: drop
     * the snapshot. The client tells of every connection; only the subscription's reconnects matter.
     */
    private final class Reconnects implements RedisConnectionStateListener {
        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (connection == subscription) {
                dropSnapshot.run();
            }
        }
    }
}
