package io.llmadmin.services.routing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value loaded from the database at most {@code maxAge} ago, so the request path reads memory. A change made on this
 * instance drops it at once; another instance's change is seen within {@code maxAge}.
 */
final class Snapshot<T> {

    private record Loaded<T>(T value, Instant at) {}

    private final Supplier<T> loader;
    private final Duration maxAge;
    private final Clock clock;
    private volatile Loaded<T> loaded;

    Snapshot(Supplier<T> loader, Duration maxAge, Clock clock) {
        this.loader = loader;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    T get() {
        Loaded<T> current = loaded;
        Instant now = clock.instant();
        if (current == null || !current.at().plus(maxAge).isAfter(now)) {
            // Two threads may both load after expiry; both read the same rows, so the duplicate work is harmless.
            current = new Loaded<>(loader.get(), now);
            loaded = current;
        }
        return current.value();
    }

    void drop() {
        loaded = null;
    }
}
