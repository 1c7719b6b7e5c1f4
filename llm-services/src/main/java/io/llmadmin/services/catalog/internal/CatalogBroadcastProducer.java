package io.llmadmin.services.catalog.internal;

import io.llmadmin.services.catalog.CatalogBroadcast;
import io.llmadmin.services.catalog.CatalogChangedElsewhere;
import io.llmadmin.services.catalog.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses how catalog changes reach the other instances: through Redis when {@code REDIS_URL} is set (the same Redis
 * as the shared rate limits), not at all otherwise (one instance; the snapshot's age bounds the rest). A notice heard
 * drops this instance's catalog and is passed on as {@link CatalogChangedElsewhere} to the other snapshots.
 */
@ApplicationScoped
public class CatalogBroadcastProducer {

    private static final Logger LOG = Logger.getLogger(CatalogBroadcastProducer.class.getName());

    private final Optional<String> redisUrl;
    private final String channel;

    @Inject
    public CatalogBroadcastProducer(
            @ConfigProperty(name = "REDIS_URL") Optional<String> redisUrl,
            @ConfigProperty(name = "CATALOG_REDIS_CHANNEL", defaultValue = "llmadmin:catalog:changed") String channel) {
        this.redisUrl = redisUrl.map(String::trim).filter(url -> !url.isEmpty());
        this.channel = channel;
    }

    /** For the CDI proxy only. */
    protected CatalogBroadcastProducer() {
        this.redisUrl = Optional.empty();
        this.channel = null;
    }

    @Produces
    @ApplicationScoped
    public CatalogBroadcast catalogBroadcast(ModelCatalog catalog, Event<CatalogChangedElsewhere> elsewhere) {
        if (redisUrl.isPresent()) {
            return RedisCatalogBroadcast.start(redisUrl.get(), channel, () -> {
                catalog.invalidate();
                elsewhere.fire(new CatalogChangedElsewhere());
            });
        }
        LOG.info("Model catalog changes are not shared between instances (no REDIS_URL): another instance shows a"
                + " change within MODEL_CACHE_TIMEOUT");
        return () -> {};
    }

    /**
     * Makes the broadcast when the application starts, so that it listens from then on. The bean is otherwise made on
     * its first use, which is this instance's first change: an instance that only served calls never subscribed, and
     * the other instances' model, route, cache-policy and gateway key changes reached it only when its snapshots aged
     * out ({@code MODEL_CACHE_TIMEOUT}, 30 minutes by default, for the catalog).
     */
    void listenFromTheStart(
            @Observes @Initialized(ApplicationScoped.class) Object applicationStarting, CatalogBroadcast broadcast) {
        boolean hears = broadcast.hearsOthers(); // calling the bean's proxy makes it, and a Redis broadcast subscribes
        LOG.fine(() -> "Catalog notices of other instances heard at start: " + hears);
    }

    public void close(@Disposes CatalogBroadcast broadcast) {
        if (broadcast instanceof RedisCatalogBroadcast redis) {
            redis.close();
        }
    }
}
