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
import java.util.function.Predicate;

/**
 * The active models a catalog id (the gateway, the Java API) or a provider and model name (the legacy facade's
 * matching) names, read from the database once and then served from memory: the read by id was a tenth of a gateway
 * call's CPU, and the legacy facade asks on every call. Everything kept is dropped whenever the catalog is
 * ({@link CatalogInvalidated}: a model change committed here, an import, another instance's notice), so an edit or a
 * deactivation is seen by the next call (and the provider factory rebuilds its client, since the version changed); an
 * entry is also reread {@link #MAX_AGE} after it was read, which bounds a notice lost while Redis was out of reach, or
 * another instance's change without Redis. By id only models found are kept, so unknown names cannot fill this; the
 * legacy lookups (names chosen by the calling code, not by a client) are kept found or not, at most
 * {@link #MAX_LEGACY_LOOKUPS} of them. What is handed out is a detached entity that nobody on the call path changes.
 * The fallbacks are the model's own ordered list, as the registry stored it; the call pipeline follows them
 * transitively.
 */
@ApplicationScoped
public class JpaModelDirectory implements ModelDirectory {

    /** How long a model read is used at most, when no invalidation came. */
    static final Duration MAX_AGE = Duration.ofMinutes(1);

    /** Past this many distinct provider/model pairs the legacy lookups start again from nothing. */
    static final int MAX_LEGACY_LOOKUPS = 10_000;

    private final Clock clock;
    /** Counts invalidations, so that a read that overlapped a change is used once but never kept. */
    private final AtomicLong generation = new AtomicLong();

    private final Memory<String, Optional<ModelConfiguration>> byId;
    private final Memory<ProviderModel, List<ModelConfiguration>> byProviderModel;

    @Inject
    public JpaModelDirectory(EntityManager entityManager) {
        this(
                catalogId -> readById(entityManager, catalogId),
                providerModel -> readByProviderModel(entityManager, providerModel),
                Clock.systemUTC());
    }

    JpaModelDirectory(
            Function<String, Optional<ModelConfiguration>> byId,
            Function<ProviderModel, List<ModelConfiguration>> byProviderModel,
            Clock clock) {
        this.clock = clock;
        this.byId = new Memory<>(byId, Optional::isPresent, Integer.MAX_VALUE);
        this.byProviderModel = new Memory<>(byProviderModel, found -> true, MAX_LEGACY_LOOKUPS);
    }

    /** For the CDI proxy only. */
    protected JpaModelDirectory() {
        this(null, null, Clock.systemUTC());
    }

    @Override
    public Optional<ModelConfiguration> find(String catalogId) {
        return byId.get(catalogId);
    }

    @Override
    public List<ModelConfiguration> findByProviderModel(String provider, String providerModelName) {
        return byProviderModel.get(new ProviderModel(provider.toLowerCase(Locale.ROOT), providerModelName));
    }

    /** Drops every model kept; the next call of each reads it again. */
    void invalidate(@Observes CatalogInvalidated change) {
        generation.incrementAndGet();
        byId.clear();
        byProviderModel.clear();
    }

    private static Optional<ModelConfiguration> readById(EntityManager entityManager, String catalogId) {
        return entityManager
                .createQuery(
                        "SELECT m FROM ModelConfiguration m WHERE m.catalogId = :id AND m.active = TRUE",
                        ModelConfiguration.class)
                .setParameter("id", catalogId)
                .getResultStream()
                .findFirst();
    }

    private static List<ModelConfiguration> readByProviderModel(EntityManager entityManager, ProviderModel key) {
        return List.copyOf(entityManager
                .createQuery(
                        "SELECT m FROM ModelConfiguration m WHERE LOWER(m.provider) = :provider"
                                + " AND m.providerModelName = :name AND m.active = TRUE ORDER BY m.catalogId",
                        ModelConfiguration.class)
                .setParameter("provider", key.provider())
                .setParameter("name", key.name())
                .getResultList());
    }

    /** A provider (lower case) and its model name, as the legacy facade's wrappers name a model. */
    record ProviderModel(String provider, String name) {}

    /** Reads kept by key until the catalog changes or they reach {@link #MAX_AGE}. */
    private final class Memory<K, V> {

        private final Function<K, V> database;
        private final Predicate<V> worthKeeping;
        private final int maxEntries;
        private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

        Memory(Function<K, V> database, Predicate<V> worthKeeping, int maxEntries) {
            this.database = database;
            this.worthKeeping = worthKeeping;
            this.maxEntries = maxEntries;
        }

        V get(K key) {
            Kept<V> entry = kept.get(key);
            if (entry != null && clock.instant().isBefore(entry.readAt().plus(MAX_AGE))) {
                return entry.value();
            }
            long readInGeneration = generation.get();
            V found = database.apply(key);
            if (!worthKeeping.test(found)) {
                kept.remove(key);
                return found;
            }
            if (kept.size() >= maxEntries) {
                kept.clear();
            }
            kept.put(key, new Kept<>(found, clock.instant()));
            // A change committed meanwhile may be missing from what was read (its invalidation may already have run).
            if (generation.get() != readInGeneration) {
                kept.remove(key);
            }
            return found;
        }

        void clear() {
            kept.clear();
        }
    }

    private record Kept<V>(V value, Instant readAt) {}
}
