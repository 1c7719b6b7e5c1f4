package io.llmadmin.services.legacycalls;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Process-wide counts of calls into the legacy facade, per legacy function and calling class, with the last time each
 * was seen. Recording is cheap (one map lookup, a {@link LongAdder} increment and a volatile write) and thread-safe;
 * {@link #snapshot()} copies the counts into immutable values.
 */
public final class LegacyCallCounts {

    private static final LegacyCallCounts PROCESS_WIDE = new LegacyCallCounts(Clock.systemUTC());

    private final Clock clock;
    private final ConcurrentMap<Key, Counter> counters = new ConcurrentHashMap<>();

    LegacyCallCounts(Clock clock) {
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
        volatile long lastSeenMillis;
    }
}
