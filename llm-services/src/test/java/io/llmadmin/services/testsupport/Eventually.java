package io.llmadmin.services.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one wait of the polling tests: asks again every few milliseconds until a condition holds, and fails naming what
 * it waited for when it never does. The deadline only bounds a failing test: a passing one returns as soon as the
 * condition holds, so the deadline is generous ({@link #PATIENCE}), because the builds share a loaded machine and a
 * wait that is right on an idle one times out there.
 */
public final class Eventually {

    /** How long a test waits at most for something that should happen soon. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    /** How often an IT asks the running server again. */
    public static final Duration SERVER_POLL = Duration.ofMillis(250);

    private static final long POLL_MILLIS = 10;

    private Eventually() {}

    /** Waits until {@code condition} holds, at most {@link #PATIENCE}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, PATIENCE, condition);
    }

    /** Waits until {@code condition} holds, at most {@code within}. */
    public static void until(String what, Duration within, BooleanSupplier condition) {
        value(what, within, () -> condition.getAsBoolean(), Boolean::booleanValue);
    }

    /** Reads {@code value} until it satisfies {@code done}, at most {@link #PATIENCE}; returns the last value read. */
    public static <T> T value(String what, Supplier<T> value, Predicate<? super T> done) {
        return value(what, PATIENCE, value, done);
    }

    /** Reads {@code value} until it satisfies {@code done}, at most {@code within}; returns the last value read. */
    public static <T> T value(String what, Duration within, Supplier<T> value, Predicate<? super T> done) {
        return value(what, within, Duration.ofMillis(POLL_MILLIS), value, done);
    }

    /** {@link #value(String, Duration, Duration, Supplier, Predicate)} every {@link #SERVER_POLL}, at most {@link #PATIENCE}. */
    public static <T> T polled(String what, Supplier<T> value, Predicate<? super T> done) {
        return value(what, PATIENCE, SERVER_POLL, value, done);
    }

    /**
     * Reads {@code value} every {@code every} until it satisfies {@code done}, at most {@code within}: for reads that
     * cost the server a query or a call (the ITs' HTTP polls), which a few milliseconds apart would only load it.
     */
    public static <T> T value(
            String what, Duration within, Duration every, Supplier<T> value, Predicate<? super T> done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T current = value.get();
            if (done.test(current)) {
                return current;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + within.toSeconds() + " s for " + what + "; last seen: " + current);
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
