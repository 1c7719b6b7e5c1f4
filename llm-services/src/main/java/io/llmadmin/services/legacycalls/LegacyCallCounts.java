package io.llmadmin.services.legacycalls;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Process-wide counts of calls into the legacy facade, per legacy function and calling class, with the last time each
 * was seen. Recording is cheap (one map lookup, a {@link LongAdder} increment and a volatile write) and thread-safe;
 * {@link #snapshot()} copies the counts into immutable values.
 *
 * <p>The counts of this process are also the source of two things that outlive it: {@link #pending()} and
 * {@link #stored(List)} let {@link LegacyCallHistory} add them to the database (the sum over every instance and
 * restart), and {@link #subscribe(Listener)} lets the metrics count each call as it happens.
 */
public final class LegacyCallCounts {

    private static final LegacyCallCounts PROCESS_WIDE = new LegacyCallCounts(Clock.systemUTC());

    private final Clock clock;
    private final ConcurrentMap<Key, Counter> counters = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** Counts of its own, apart from the process-wide ones (a test's, or a second instance simulated in one JVM). */
    public LegacyCallCounts(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The counts the whole process shares: the facade records here, the console and the metrics read here. */
    public static LegacyCallCounts processWide() {
        return PROCESS_WIDE;
    }

    /** Shorthand for {@code processWide().snapshot()}. */
    public static List<LegacyCallCount> snapshot() {
        return PROCESS_WIDE.counts();
    }

    /**
     * Counts one call.
     *
     * @param function the legacy function's Python name
     * @param callerClass the calling class's fully qualified name
     */
    public void record(String function, String callerClass) {
        Counter counter = counters.computeIfAbsent(
                new Key(
                        Objects.requireNonNull(function, "function"),
                        Objects.requireNonNull(callerClass, "callerClass")),
                key -> new Counter());
        counter.calls.increment();
        counter.lastSeenMillis = clock.millis();
        for (Listener listener : listeners) {
            listener.called(function, callerClass);
        }
    }

    /** When {@code function} was last called by {@code callerClass} in this process, if it was. */
    public Optional<Instant> lastSeen(String function, String callerClass) {
        Counter counter = counters.get(new Key(function, callerClass));
        return counter == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(counter.lastSeenMillis));
    }

    /**
     * Tells {@code listener} of every call recorded from now on, on the calling thread: it must be as cheap as the
     * count itself (an in-memory counter), and must not throw.
     */
    public void subscribe(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener}; one that was not subscribed is ignored. */
    public void unsubscribe(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * The calls not yet stored: per pair, the calls counted since the last {@link #stored(List)} of it, with the last
     * time seen. Pairs with none are left out.
     */
    public List<LegacyCallCount> pending() {
        return counters.entrySet().stream()
                .map(entry -> {
                    Counter counter = entry.getValue();
                    long notStored = counter.calls.sum() - counter.stored.get();
                    return notStored <= 0
                            ? null
                            : new LegacyCallCount(
                                    entry.getKey().function(),
                                    entry.getKey().callerClass(),
                                    notStored,
                                    Instant.ofEpochMilli(counter.lastSeenMillis));
                })
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(LegacyCallCount::function).thenComparing(LegacyCallCount::callerClass))
                .toList();
    }

    /**
     * Marks counts taken from {@link #pending()} as stored, once they are: the calls made meanwhile stay pending.
     */
    public void stored(List<LegacyCallCount> written) {
        for (LegacyCallCount count : written) {
            Counter counter = counters.get(new Key(count.function(), count.callerClass()));
            if (counter != null) {
                counter.stored.addAndGet(count.calls());
            }
        }
    }

    /** Every (function, caller) pair seen so far, by function, then caller; an immutable copy. */
    public List<LegacyCallCount> counts() {
        return counters.entrySet().stream()
                .map(entry -> new LegacyCallCount(
                        entry.getKey().function(),
                        entry.getKey().callerClass(),
                        entry.getValue().calls.sum(),
                        Instant.ofEpochMilli(entry.getValue().lastSeenMillis)))
                .sorted(Comparator.comparing(LegacyCallCount::function).thenComparing(LegacyCallCount::callerClass))
                .toList();
    }

    private record Key(String function, String callerClass) {}

    private static final class Counter {
        final LongAdder calls = new LongAdder();
        /** How many of {@link #calls} are in the database already. */
        final AtomicLong stored = new AtomicLong();

        volatile long lastSeenMillis;
    }

    /** Told of each call as it is counted (the metrics). */
    @FunctionalInterface
    public interface Listener {

        /**
         * One call of {@code function} (its Python name) from {@code callerClass}.
         */
        void called(String function, String callerClass);
    }
}
