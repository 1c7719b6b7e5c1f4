package io.llmadmin.web.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Where {@link SignInThrottle} counts failed sign-ins in a row, per key ({@code user:<name>} or {@code
 * address:<address>}): in this instance's memory ({@link InMemorySignInFailures}), or in Redis when {@code REDIS_URL}
 * is set ({@link RedisSignInFailures}), so that every instance counts the same failures and honours the same locks.
 * The rules (thresholds, lock lengths) are the throttle's; a store only counts and remembers.
 */
public interface SignInFailures {

    /**
     * One more failure for {@code key}: its count goes up by one and, once it reaches {@code threshold}, the key is
     * locked until {@code now} plus {@link SignInThrottle#lockAfter}.
     */
    Counted count(String key, Instant now, int threshold);

    /** Until when the key is locked; empty when it never was, or the lock has ended. */
    Optional<Instant> lockedUntil(String key, Instant now);

    /** A success: the key's failures are forgiven. */
    void forget(String key);

    /**
     * @param count failures in a row, this one included
     * @param lockedUntil until when the key is now locked, or null
     * @param justLocked whether this failure (re)started a lock
     */
    record Counted(int count, Instant lockedUntil, boolean justLocked) {}
}
