package io.llmadmin.services.catalog.internal;

import io.llmadmin.services.catalog.CatalogBroadcast;
import io.llmadmin.services.redis.RedisNotices;

/**
 * Catalog change notices through Redis pub/sub ({@link RedisNotices}): every instance publishes after a committed
 * change, and drops its snapshot when it hears another instance's, or when it may have missed one (its subscription was
 * (re)established after Redis was out of reach; until then other instances' changes show within
 * {@code MODEL_CACHE_TIMEOUT}).
 */
public final class RedisCatalogBroadcast implements CatalogBroadcast, AutoCloseable {

    private final RedisNotices notices;

    private RedisCatalogBroadcast(RedisNotices notices) {
        this.notices = notices;
    }

    /**
     * Subscribes to {@code channel} on the Redis at {@code redisUrl}, or keeps trying in the background.
     *
     * @param dropSnapshot what to do when another instance changed the catalog (or a notice may have been missed)
     */
    public static RedisCatalogBroadcast start(String redisUrl, String channel, Runnable dropSnapshot) {
        return new RedisCatalogBroadcast(RedisNotices.start(
                redisUrl, channel, "model catalog changes", notice -> dropSnapshot.run(), dropSnapshot));
    }

    /** Host and port of the Redis server, never its password. */
    public String where() {
        return notices.where();
    }

    /** Whether this instance hears the others now. */
    public boolean subscribed() {
        return notices.subscribed();
    }

    @Override
    public boolean hearsOthers() {
        return subscribed();
    }

    @Override
    public void changed() {
        notices.publish("changed");
    }

    @Override
    public void close() {
        notices.close();
    }
}
