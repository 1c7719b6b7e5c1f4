package io.llmadmin.services.legacycalls.internal;

import io.llmadmin.services.concurrency.ContainerExecutor;
import io.llmadmin.services.legacycalls.LegacyCallCount;
import io.llmadmin.services.legacycalls.LegacyCallCounts;
import io.llmadmin.services.legacycalls.LegacyCallHistory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Adds this process's legacy call counts to the database every {@code LLMADMIN_LEGACY_CALLS_FLUSH_SECONDS} (default
 * 30) and when the application stops. Counting stays in memory and costs the caller nothing more; a flush that fails
 * (database down, another instance inserting the same pair at the same moment) leaves its counts pending for the next
 * one, so no call is lost and none is added twice.
 */
@ApplicationScoped
public class FlushingLegacyCallHistory implements LegacyCallHistory {

    private static final Logger LOG = Logger.getLogger(FlushingLegacyCallHistory.class.getName());
    private static final Comparator<LegacyCallCount> BY_FUNCTION_THEN_CALLER =
            Comparator.comparing(LegacyCallCount::function).thenComparing(LegacyCallCount::callerClass);

    private final LegacyCallStore store;
    private final LegacyCallCounts counts;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private volatile ScheduledFuture<?> schedule;

    @Inject
    public FlushingLegacyCallHistory(
            LegacyCallStore store,
            @ContainerExecutor ManagedScheduledExecutorService executor,
            @ConfigProperty(name = "LLMADMIN_LEGACY_CALLS_FLUSH_SECONDS", defaultValue = "30") long flushSeconds) {
        this(store, LegacyCallCounts.processWide(), executor, Duration.ofSeconds(flushSeconds));
    }

    /** Not scheduled: call {@link #start()} (the container does, after construction). */
    public FlushingLegacyCallHistory(
            LegacyCallStore store, LegacyCallCounts counts, ScheduledExecutorService executor, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("LLMADMIN_LEGACY_CALLS_FLUSH_SECONDS must be > 0");
        }
        this.store = Objects.requireNonNull(store, "store");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.interval = interval;
    }

    /** For the CDI proxy only. */
    protected FlushingLegacyCallHistory() {
        this.store = null;
        this.counts = null;
        this.executor = null;
        this.interval = null;
    }

    /** Creates the bean when the application starts, so that the schedule runs without anyone asking first. */
    void startOnDeploy(@Observes @Initialized(ApplicationScoped.class) Object applicationStarting) {
        LOG.fine(() -> "Legacy call counts are flushed every " + interval.toSeconds() + " s");
    }

    @PostConstruct
    public void start() {
        long millis = interval.toMillis();
        schedule = executor.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Stores what is left while the application is stopping, before the container closes the persistence unit (it
     * does so before {@code @PreDestroy}, where a flush would find the entity manager factory closed).
     */
    void flushBeforeStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        close();
    }

    /** Stops the schedule and stores what is left (nothing, when {@link #flushBeforeStop} did already). */
    @PreDestroy
    public void close() {
        ScheduledFuture<?> running = schedule;
        if (running != null) {
            running.cancel(false);
        }
        flushQuietly();
    }

    @Override
    public synchronized void flush() {
        List<LegacyCallCount> pending = counts.pending();
        if (pending.isEmpty()) {
            return;
        }
        store.add(pending);
        counts.stored(pending);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // Class and message only: the counts hold no secret, but a driver's message is no place to trust either.
            LOG.log(
                    Level.WARNING,
                    "Legacy call counts not stored yet, they wait for the next flush: "
                            + e.getClass().getName());
        }
    }

    @Override
    public synchronized List<LegacyCallCount> callSites() {
        // Under the flush's lock: a flush between reading the store and reading the pending counts would show its
        // calls twice (or, read the other way round, not at all).
        Map<List<String>, LegacyCallCount> merged = new LinkedHashMap<>();
        for (LegacyCallCount stored : store.all()) {
            merged.put(List.of(stored.function(), stored.callerClass()), stored);
        }
        for (LegacyCallCount notStored : counts.pending()) {
            merged.merge(
                    List.of(notStored.function(), notStored.callerClass()),
                    notStored,
                    (stored, fresh) -> new LegacyCallCount(
                            stored.function(),
                            stored.callerClass(),
                            stored.calls() + fresh.calls(),
                            stored.lastSeen().isAfter(fresh.lastSeen()) ? stored.lastSeen() : fresh.lastSeen()));
        }
        List<LegacyCallCount> sites = new ArrayList<>(merged.values());
        sites.sort(BY_FUNCTION_THEN_CALLER);
        return List.copyOf(sites);
    }
}
