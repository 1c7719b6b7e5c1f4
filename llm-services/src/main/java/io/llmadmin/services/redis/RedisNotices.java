package io.llmadmin.services.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Notices between instances through Redis pub/sub on one channel: each instance publishes with its own id in front and
 * hears only the others'. A notice can be lost while an instance is cut off from Redis, so {@code mayHaveMissed} runs
 * whenever the subscription is (re)established; if Redis cannot be reached at start, subscribing is retried every
 * {@link #RETRY_EVERY} on the client's own event loop. Publishing never throws (a lost notice is logged).
 */
public final class RedisNotices implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisNotices.class.getName());
    public static final Duration RETRY_EVERY = Duration.ofSeconds(10);

    private final RedisClient client;
    private final String where;
    private final String channel;
    private final String what;
    private final Consumer<String> heard;
    private final Runnable mayHaveMissed;
    private final String instanceId = UUID.randomUUID().toString();
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile boolean closed;

    private RedisNotices(
            RedisClient client,
            String where,
            String channel,
            String what,
            Consumer<String> heard,
            Runnable mayHaveMissed) {
        this.client = client;
        this.where = where;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.what = what;
        this.heard = Objects.requireNonNull(heard, "heard");
        this.mayHaveMissed = Objects.requireNonNull(mayHaveMissed, "mayHaveMissed");
    }

    /**
     * Subscribes to {@code channel} on the Redis at {@code redisUrl}, or keeps trying in the background.
     *
     * @param what what the notices are about, for the log ("model catalog changes")
     * @param heard gets the text of each notice another instance published
     * @param mayHaveMissed runs when notices may have been missed (the subscription was (re)established)
     */
    public static RedisNotices start(
            String redisUrl, String channel, String what, Consumer<String> heard, Runnable mayHaveMissed) {
        RedisURI uri = RedisUrls.parse(redisUrl);
        RedisNotices notices =
                new RedisNotices(RedisClient.create(uri), RedisUrls.where(uri), channel, what, heard, mayHaveMissed);
        notices.client.addListener(notices.new Reconnects());
        notices.subscribeOrRetry();
        return notices;
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

    /** Tells the other instances; never throws. */
    public void publish(String notice) {
        try {
            publisherConnection().async().publish(channel, instanceId + " " + notice);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not tell the other instances through Redis at " + where + " of " + what + ": "
                    + e.getClass().getName());
        }
    }

    /** A connection for commands of the caller's own (reading and writing shared state), opened on first use. */
    public synchronized StatefulRedisConnection<String, String> commands() {
        return publisherConnection();
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
                    int space = message.indexOf(' ');
                    String sender = space < 0 ? message : message.substring(0, space);
                    if (!instanceId.equals(sender)) {
                        heard.accept(space < 0 ? "" : message.substring(space + 1));
                    }
                }
            });
            connection.sync().subscribe(channel);
            subscription = connection;
            mayHaveMissed.run();
            LOG.info(() -> "The " + what + " are shared with the other instances through Redis at " + where);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Redis at " + where + " cannot be reached ("
                    + e.getClass().getName() + "); other"
                    + " instances' " + what + " are not heard until it can. Retrying in " + RETRY_EVERY.toSeconds()
                    + " s");
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
     * After Lettuce reconnects the subscription (and resubscribes) on its own, notices sent meanwhile are lost. The
     * client tells of every connection; only the subscription's reconnects matter.
     */
    private final class Reconnects implements RedisConnectionStateListener {
        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (connection == subscription) {
                mayHaveMissed.run();
            }
        }
    }
}
