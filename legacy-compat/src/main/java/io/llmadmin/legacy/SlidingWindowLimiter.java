package io.llmadmin.legacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The legacy module's {@code RateLimiter}, kept for the deprecated facade: amounts recorded under a key ({@code
 * requests}, {@code input}, {@code output}) count for 60 seconds, and a caller waits while any key's total is strictly
 * greater than its limit. Unlike the native {@link io.llmadmin.services.ratelimit.RateLimiter} it records first and checks afterwards, so it lets one
 * call past the limit and makes the next ones wait. Get instances from {@link Models#getRateLimiter}, which shares one
 * per model across the process ({@link LegacyRateLimiters}). Thread-safe. It lives with the facade because nothing
 * else uses it: deleting legacy-compat deletes it too.
 *
 * @deprecated Use {@link io.llmadmin.services.ratelimit.RateLimiter} instead.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
@ReplacedBy("io.llmadmin.services.ratelimit.RateLimiter")
public final class SlidingWindowLimiter {

    /** @deprecated Use {@link io.llmadmin.services.ratelimit.RateLimiter} instead. */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static final String REQUESTS = "requests";

    /** @deprecated Use {@link io.llmadmin.services.ratelimit.RateLimiter} instead. */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static final String INPUT = "input";

    /** @deprecated Use {@link io.llmadmin.services.ratelimit.RateLimiter} instead. */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static final String OUTPUT = "output";

    /**
     * What the limiter asks while a limit is exceeded.
     *
     * @deprecated Native limits refuse with a retry-after instead ({@link io.llmadmin.services.ratelimit.RateLimiter}).
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    @FunctionalInterface
    public interface Callback {
        /**
         * @param message e.g. {@code Rate limit exceeded for requests (2/1), waiting...}
         * @param key the first exceeded key, in the order requests, input, output
         * @param total that key's total in the last 60 seconds
         * @param limit that key's limit
         * @return true to go ahead now, false to keep waiting (asked again about every second)
         * @deprecated Native limits refuse with a retry-after instead.
         */
        @Deprecated(forRemoval = true, since = "0.1.0")
        boolean proceed(String message, String key, long total, long limit);
    }

    private final Clock clock;
    private final Duration window;
    private final Map<String, Long> limits = new LinkedHashMap<>();
    private final Map<String, Deque<Entry>> values = new LinkedHashMap<>();

    SlidingWindowLimiter(Clock clock, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        limits.put(REQUESTS, 0L);
        limits.put(INPUT, 0L);
        limits.put(OUTPUT, 0L);
    }

    /**
     * Sets the three limits; null or a value <= 0 means unlimited.
     *
     * @deprecated Use {@link io.llmadmin.services.ratelimit.RateLimiter} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public synchronized void setLimits(Integer requests, Integer input, Integer output) {
        limits.put(REQUESTS, normalised(requests));
        limits.put(INPUT, normalised(input));
        limits.put(OUTPUT, normalised(output));
    }

    private static long normalised(Integer limit) {
        return limit == null || limit <= 0 ? 0 : limit;
    }

    /**
     * A key's limit, 0 when unlimited.
     *
     * @deprecated Use {@link io.llmadmin.services.ratelimit.RateLimiter} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public synchronized long limit(String key) {
        return limits.getOrDefault(key, 0L);
    }

    /**
     * Records an amount under a key, counted from now for 60 seconds.
     *
     * @deprecated Use {@link io.llmadmin.services.ratelimit.RateLimiter} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public synchronized void add(String key, long value) {
        Objects.requireNonNull(key, "key");
        values.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new Entry(clock.instant(), value));
    }

    /**
     * A key's total over the last 60 seconds.
     *
     * @deprecated Use {@link io.llmadmin.services.ratelimit.RateLimiter} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public synchronized long total(String key) {
        cleanup();
        Deque<Entry> entries = values.get(key);
        return entries == null ? 0 : entries.stream().mapToLong(Entry::value).sum();
    }

    /**
     * One check: whether the caller must keep waiting. Walks the limited keys in order; at the first whose total is
     * strictly greater than its limit, asks the callback (no callback: wait) and stops there.
     */
    boolean mustWait(Callback callback) {
        String exceededKey = null;
        long exceededTotal = 0;
        long exceededLimit = 0;
        synchronized (this) {
            cleanup();
            for (Map.Entry<String, Long> limit : limits.entrySet()) {
                if (limit.getValue() <= 0) {
                    continue;
                }
                long total = total(limit.getKey());
                if (total > limit.getValue()) {
                    exceededKey = limit.getKey();
                    exceededTotal = total;
                    exceededLimit = limit.getValue();
                    break;
                }
            }
        }
        if (exceededKey == null) {
            return false;
        }
        if (callback == null) {
            return true;
        }
        String message =
                "Rate limit exceeded for " + exceededKey + " (" + exceededTotal + "/" + exceededLimit + "), waiting...";
        return !callback.proceed(message, exceededKey, exceededTotal, exceededLimit);
    }

    private void cleanup() {
        Instant cutoff = clock.instant().minus(window);
        for (Deque<Entry> entries : values.values()) {
            while (!entries.isEmpty() && !entries.peekFirst().at().isAfter(cutoff)) {
                entries.pollFirst();
            }
        }
    }

    private record Entry(Instant at, long value) {}
}
