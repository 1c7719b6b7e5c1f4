package io.llmadmin.services.catalog.internal;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogBroadcast;
import io.llmadmin.services.catalog.CatalogEntry;
import io.llmadmin.services.catalog.CatalogInvalidated;
import io.llmadmin.services.catalog.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The catalog held as one immutable snapshot in memory. Reads never touch the database while the snapshot is fresh;
 * it is dropped on {@link #invalidate()} and at the latest {@code MODEL_CACHE_TIMEOUT} seconds after it was loaded, so
 * a change made by another instance shows within that time even when its notice ({@link CatalogBroadcast}) is lost.
 * Every invalidation is passed on as {@link CatalogInvalidated} to the other holders of models in memory.
 */
@ApplicationScoped
public class CachingModelCatalog implements ModelCatalog {

    private final Supplier<List<CatalogEntry>> activeModels;
    private final Duration maxAge;
    private final Clock clock;
    private final Runnable passOnInvalidation;
    private volatile Snapshot snapshot;
    /** Counts invalidations, so a load that overlapped one is used once but never kept. */
    private final AtomicLong generation = new AtomicLong();

    @Inject
    public CachingModelCatalog(
            JpaActiveModels activeModels,
            @ConfigProperty(name = "MODEL_CACHE_TIMEOUT", defaultValue = "1800") long maxAgeSeconds,
            Event<CatalogInvalidated> invalidated) {
        this(
                activeModels,
                Duration.ofSeconds(maxAgeSeconds),
                Clock.systemUTC(),
                () -> invalidated.fire(new CatalogInvalidated()));
    }

    CachingModelCatalog(Supplier<List<CatalogEntry>> activeModels, Duration maxAge, Clock clock) {
        this(activeModels, maxAge, clock, () -> {});
    }

    CachingModelCatalog(
            Supplier<List<CatalogEntry>> activeModels, Duration maxAge, Clock clock, Runnable passOnInvalidation) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("MODEL_CACHE_TIMEOUT must be >= 0 seconds, was " + maxAge.toSeconds());
        }
        this.activeModels = activeModels;
        this.maxAge = maxAge;
        this.clock = clock;
        this.passOnInvalidation = passOnInvalidation;
    }

    /** For the CDI proxy only. */
    protected CachingModelCatalog() {
        this.activeModels = null;
        this.maxAge = null;
        this.clock = null;
        this.passOnInvalidation = null;
    }

    @Override
    public List<CatalogEntry> activeModels(ModelType type) {
        return current().byType().getOrDefault(type, List.of());
    }

    @Override
    public Optional<CatalogEntry> activeModel(String catalogId) {
        return Optional.ofNullable(current().byId().get(catalogId));
    }

    @Override
    public void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
        passOnInvalidation.run();
    }

    private Snapshot current() {
        Snapshot held = snapshot;
        if (held != null && held.freshAt(clock.instant(), maxAge)) {
            return held;
        }
        synchronized (this) {
            held = snapshot;
            if (held == null || !held.freshAt(clock.instant(), maxAge)) {
                long loadingGeneration = generation.get();
                held = Snapshot.of(activeModels.get(), clock.instant());
                // A change committed while loading may be missing from what was read: keep it only if none was.
                if (generation.get() == loadingGeneration) {
                    snapshot = held;
                }
            }
            return held;
        }
    }

    private record Snapshot(
            Map<ModelType, List<CatalogEntry>> byType, Map<String, CatalogEntry> byId, Instant loadedAt) {

        static Snapshot of(List<CatalogEntry> entries, Instant loadedAt) {
            Map<ModelType, List<CatalogEntry>> byType = new EnumMap<>(ModelType.class);
            entries.stream()
                    .collect(Collectors.groupingBy(CatalogEntry::type, LinkedHashMap::new, Collectors.toList()))
                    .forEach((type, list) -> byType.put(type, List.copyOf(list)));
            Map<String, CatalogEntry> byId = new LinkedHashMap<>();
            entries.forEach(entry -> byId.put(entry.id(), entry));
            return new Snapshot(byType, Map.copyOf(byId), loadedAt);
        }

        boolean freshAt(Instant now, Duration maxAge) {
            return now.isBefore(loadedAt.plus(maxAge));
        }
    }
}
