package io.llmadmin.services.gateway.internal;

import io.llmadmin.domain.gateway.GatewayKey;
import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.gateway.GatewayKeys;
import io.llmadmin.services.gateway.IssuedGatewayKey;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Answers {@link #authenticate} from {@link GatewayKeyCache} when it can, and announces every change to an existing key
 * (a new key has a token nobody presented yet) so that the cache is dropped once the change is committed (the event is observed after success, so a change rolled back drops
 * nothing and a read racing the commit is never kept). A decorator, so {@link JpaGatewayKeys} stays the one place keys
 * are read and written.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class CachingGatewayKeys implements GatewayKeys {

    private final GatewayKeys keys;
    private final GatewayKeyCache cache;
    private final Event<GatewayKeyCache.Changed> changes;

    @Inject
    protected CachingGatewayKeys(
            @Delegate GatewayKeys keys, GatewayKeyCache cache, Event<GatewayKeyCache.Changed> changes) {
        this.keys = keys;
        this.cache = cache;
        this.changes = changes;
    }

    @Override
    public Optional<GatewayKeyView> authenticate(String bearerToken) {
        if (!JpaGatewayKeys.presentable(bearerToken)) {
            return Optional.empty();
        }
        String hash = GatewayKey.hash(bearerToken);
        Optional<GatewayKeyView> kept = cache.working(hash);
        if (kept.isPresent()) {
            return kept;
        }
        long generation = cache.generation();
        Optional<GatewayKeyView> found = keys.authenticate(bearerToken);
        found.ifPresent(key -> cache.keep(hash, key, generation));
        return found;
    }

    @Override
    public GatewayKeyView change(
            String actor,
            long id,
            List<String> allowedModels,
            GatewayKeyLimits limits,
            OffsetDateTime expiresAt,
            OptionalLong expectedVersion) {
        GatewayKeyView changed = keys.change(actor, id, allowedModels, limits, expiresAt, expectedVersion);
        changes.fire(new GatewayKeyCache.Changed());
        return changed;
    }

    @Override
    public IssuedGatewayKey regenerate(String actor, long id) {
        IssuedGatewayKey regenerated = keys.regenerate(actor, id);
        changes.fire(new GatewayKeyCache.Changed());
        return regenerated;
    }

    @Override
    public GatewayKeyView revoke(String actor, long id) {
        GatewayKeyView revoked = keys.revoke(actor, id);
        changes.fire(new GatewayKeyCache.Changed());
        return revoked;
    }

    @Override
    public void delete(String actor, long id) {
        keys.delete(actor, id);
        changes.fire(new GatewayKeyCache.Changed());
    }
}
