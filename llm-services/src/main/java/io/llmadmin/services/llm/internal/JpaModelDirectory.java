package io.llmadmin.services.llm.internal;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.catalog.CatalogInvalidated;
import io.llmadmin.services.llm.ModelDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The active model a catalog id names, read from the database once and then served from memory: that read was a tenth
 * of a gateway call's CPU. Everything kept is dropped whenever the catalog is ({@link CatalogInvalidated}: a model
 * change committed here, an import, another instance's notice), so an edit or a deactivation is seen by the next call
 * (and the provider factory rebuilds its client, since the version changed); an entry is also reread {@link #MAX_AGE}
 * after it was read, which bounds a notice lost while Redis was out of reach, or another instance's change without
 * Redis. Only models found are kept, so unknown names cannot fill this. What is handed out is a detached entity that
 * nobody on the call path changes. The fallbacks are the model's own ordered list, as the registry stored it; the call
 * pipeline follows them transitively.
 */
@ApplicationScoped
public class JpaModelDirectory implements ModelDirectory {

    /** How long a model read is used at most, when no invalidation came. */
    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final Function<String, Optional<ModelConfiguration>> database;
    /** For {@link #findByProviderModel}, which the legacy facade's matching uses and is not kept in memory. */
    private final EntityManager entityManager;

    private final Clock clock;
    private final Map<String, Kept> byId = new ConcurrentHashMap<>();
    /** Counts invalidations, so that a read that overlapped a change is used once but never kept. */
    private final AtomicLong generation = new AtomicLong();

    @Inject
    public JpaModelDirectory(EntityManager entityManager) {
        this(catalogId -> read(entityManager, catalogId), entityManager, Clock.systemUTC());
    }

    JpaModelDirectory(Function<String, Optional<ModelConfiguration>> database, Clock clock) {
        this(database, null, clock);
    }

    private JpaModelDirectory(
            Function<String, Optional<ModelConfiguration>> database, EntityManager entityManager, Clock clock) {
        this.database = database;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    protected JpaModelDirectory() {
        this(null, null, null);
    }

    @Override
    public Optional<ModelConfiguration> find(String catalogId) {
        Kept kept = byId.get(catalogId);
        if (kept != null && clock.instant().isBefore(kept.readAt().plus(MAX_AGE))) {
            return Optional.of(kept.model());
        }
        long readInGeneration = generation.get();
        Optional<ModelConfiguration> found = database.apply(catalogId);
        if (found.isPresent()) {
            byId.put(catalogId, new Kept(found.get(), clock.instant()));
            // A change committed meanwhile may be missing from what was read (its invalidation may already have run).
            if (generation.get() != readInGeneration) {
                byId.remove(catalogId);
            }
        } else {
            byId.remove(catalogId);
        }
        return found;
    }

    /** Drops every model kept; the next call of each reads it again. */
    void invalidate(@Observes CatalogInvalidated change) {
        generation.incrementAndGet();
        byId.clear();
    }

    private static Optional<ModelConfiguration> read(EntityManager entityManager, String catalogId) {
        return entityManager
                .createQuery(
                        "SELECT m FROM ModelConfiguration m WHERE m.catalogId = :id AND m.active = TRUE",
                        ModelConfiguration.class)
                .setParameter("id", catalogId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<ModelConfiguration> findByProviderModel(String provider, String providerModelName) {
        return entityManager
                .createQuery(
                        "SELECT m FROM ModelConfiguration m WHERE LOWER(m.provider) = :provider"
                                + " AND m.providerModelName = :name AND m.active = TRUE ORDER BY m.catalogId",
                        ModelConfiguration.class)
                .setParameter("provider", provider.toLowerCase(Locale.ROOT))
                .setParameter("name", providerModelName)
                .getResultList();
    }

    private record Kept(ModelConfiguration model, Instant readAt) {}
}
