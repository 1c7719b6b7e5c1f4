package io.llmadmin.services.gateway.internal;

import io.llmadmin.services.catalog.CatalogBroadcast;
import io.llmadmin.services.catalog.CatalogChangedElsewhere;
import io.llmadmin.services.gateway.GatewayKeyView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The working gateway keys recently presented, by token hash, so that a call does not read the key from the database
 * (that read and its transaction were a fifth of a gateway call's CPU). Every change to any key drops the whole cache
 * once it is committed, here and, through {@link CatalogBroadcast}, on the other instances; an entry is also reloaded
 * {@link #MAX_AGE} after it was read, which bounds a lost notice and keeps "last used" to the minute (the reload notes
 * the use). Expiry is checked on every call against the cached expiry time. Unknown, revoked and expired tokens are
 * never kept, so nobody can fill this with made-up tokens.
 */
@ApplicationScoped
public class GatewayKeyCache {

    /** As long as "last used" may lag: one database read per key and minute. */
    static final Duration MAX_AGE = JpaGatewayKeys.LAST_USED_RESOLUTION;

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    /** Counts invalidations, so that a read that overlapped a change is used once but never kept. */
    private final AtomicLong generation = new AtomicLong();

    private final Clock clock;
    private final CatalogBroadcast broadcast;

    @Inject
    public GatewayKeyCache(CatalogBroadcast broadcast) {
        this(broadcast, Clock.systemUTC());
    }

    GatewayKeyCache(CatalogBroadcast broadcast, Clock clock) {
        this.broadcast = broadcast;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    protected GatewayKeyCache() {
        this(null, null);
    }

    /** The key kept for this token hash, when it was read less than {@link #MAX_AGE} ago and has not expired since. */
    public Optional<GatewayKeyView> working(String tokenHash) {
        Entry entry = byHash.get(tokenHash);
        if (entry == null || !clock.instant().isBefore(entry.readAt().plus(MAX_AGE))) {
            return Optional.empty();
        }
        if (entry.key().expired()) {
            byHash.remove(tokenHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.key());
    }

    /** The current generation, to be passed to {@link #keep} with what is read after this call. */
    public long generation() {
        return generation.get();
    }

    /** Keeps a working key read from the database, unless a change was committed since {@code readInGeneration}. */
    public void keep(String tokenHash, GatewayKeyView key, long readInGeneration) {
        if (key.revoked() || key.expired()) {
            return;
        }
        byHash.put(tokenHash, new Entry(key, clock.instant()));
        // A change committed meanwhile may be missing from what was read (its invalidation may already have run).
        if (generation.get() != readInGeneration) {
            byHash.remove(tokenHash);
        }
    }

    /** Drops every key kept. */
    public void invalidate() {
        generation.incrementAndGet();
        byHash.clear();
    }

    /** A key was changed, given a new token, revoked or deleted: drop everything once that is committed. */
    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        invalidate();
        broadcast.changed();
    }

    /** Another instance changed something (or its notices may have been missed). */
    void onOtherInstance(@Observes CatalogChangedElsewhere change) {
        invalidate();
    }

    /** The CDI event {@link CachingGatewayKeys} fires for every committed change. */
    public record Changed() {}

    private record Entry(GatewayKeyView key, Instant readAt) {}
}
