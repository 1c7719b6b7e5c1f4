package io.llmadmin.web.security;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted in this instance's memory (no {@code REDIS_URL}). Bounded ({@link #MAX_TRACKED} keys) so
 * that a flood of made-up user names cannot fill the heap: when full, what is no longer locked is dropped, and if
 * that is not enough, everything.
 */
final class InMemorySignInFailures implements SignInFailures {

    static final int MAX_TRACKED = 20_000;

    private final Map<String, Counted> failures = new ConcurrentHashMap<>();

    @Override
    public Counted count(String key, Instant now, int threshold) {
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(key)) {
            prune(now);
        }
        return failures.compute(key, (ignored, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            if (count < threshold) {
                return new Counted(count, old == null ? null : old.lockedUntil(), false);
            }
            return new Counted(count, now.plus(SignInThrottle.lockAfter(count, threshold)), true);
        });
    }

    @Override
    public Optional<Instant> lockedUntil(String key, Instant now) {
        Counted counted = failures.get(key);
        return counted == null
                        || counted.lockedUntil() == null
                        || !counted.lockedUntil().isAfter(now)
                ? Optional.empty()
                : Optional.of(counted.lockedUntil());
    }

    @Override
    public void forget(String key) {
        failures.remove(key);
    }

    private void prune(Instant now) {
        failures.values()
                .removeIf(counted ->
                        counted.lockedUntil() == null || !counted.lockedUntil().isAfter(now));
        if (failures.size() >= MAX_TRACKED) {
            failures.clear();
        }
    }
}
