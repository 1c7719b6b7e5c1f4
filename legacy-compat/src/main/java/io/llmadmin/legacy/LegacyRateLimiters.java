package io.llmadmin.legacy;

import io.llmadmin.services.tokens.TokenEstimator;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The legacy module's {@code get_rate_limiter} and {@code apply_rate_limiter}, for the deprecated facade only (native
 * callers use {@link io.llmadmin.services.ratelimit.RateLimiter}). One {@link SlidingWindowLimiter} per {@code provider + "\" + name} (case kept),
 * shared by the whole process through {@link #processWide()}; every lookup overwrites its three limits (last caller
 * wins). Package-private: the facade ({@link Models}) is its only caller, and it goes with the facade.
 */
final class LegacyRateLimiters {

    /** How long a waiting caller sleeps before the limiter asks again. */
    static final Duration RECHECK_INTERVAL = Duration.ofSeconds(1);

    /** The legacy window. */
    static final Duration WINDOW = Duration.ofSeconds(60);

    private static final LegacyRateLimiters PROCESS_WIDE = new LegacyRateLimiters(Clock.systemUTC(), Pacer.REAL);

    /**
     * How waiting callers pass the time: sleeping (blocking) or scheduling the next check (async). {@link #REAL} sleeps
     * and schedules for real; tests pass one that moves a test clock instead.
     */
    public interface Pacer {
        Pacer REAL = new Pacer() {
            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }

            @Override
            public void schedule(Duration delay, Runnable task) {
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(task);
            }
        };

        void sleep(Duration duration) throws InterruptedException;

        void schedule(Duration delay, Runnable task);
    }

    private final Clock clock;
    private final Pacer pacer;
    private final ConcurrentMap<String, SlidingWindowLimiter> limiters = new ConcurrentHashMap<>();

    /**
     * A registry of its own, for tests that control time (the facade uses {@link #processWide()}).
     *
     * @param clock what the 60-second windows are measured by
     * @param pacer how waiting callers wait
     */
    public LegacyRateLimiters(Clock clock, Pacer pacer) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    /** The registry the whole process shares, as the legacy module's global dictionary was. */
    public static LegacyRateLimiters processWide() {
        return PROCESS_WIDE;
    }

    /**
     * {@code get_rate_limiter}: the model's limiter, created on first use, with its limits overwritten by these.
     *
     * @param requests requests per minute; null or <= 0 means unlimited
     * @param input input tokens per minute; null or <= 0 means unlimited
     * @param output output tokens per minute; null or <= 0 means unlimited
     */
    public SlidingWindowLimiter get(String provider, String name, Integer requests, Integer input, Integer output) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        SlidingWindowLimiter limiter =
                limiters.computeIfAbsent(provider + "\\" + name, key -> new SlidingWindowLimiter(clock, WINDOW));
        limiter.setLimits(requests, input, output);
        return limiter;
    }

    /**
     * {@code apply_rate_limiter_sync}: records {@code approximateTokens(text)} input tokens and one request, then
     * blocks while a limit is exceeded, asking {@code callback} about every second (see
     * {@link SlidingWindowLimiter.Callback}). The facade returns at once for a null model config, without calling this.
     *
     * @return the model's limiter, to record output tokens on as the answer streams in
     * @throws CancellationException when the waiting thread is interrupted (its interrupt flag is kept)
     */
    public SlidingWindowLimiter apply(
            String provider,
            String name,
            Integer requests,
            Integer input,
            Integer output,
            String text,
            SlidingWindowLimiter.Callback callback) {
        SlidingWindowLimiter limiter = record(provider, name, requests, input, output, text);
        while (limiter.mustWait(callback)) {
            try {
                pacer.sleep(RECHECK_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException(
                        "Interrupted while waiting for the rate limit of " + provider + "\\" + name);
            }
        }
        return limiter;
    }

    /**
     * {@code apply_rate_limiter}: as {@link #apply}, but records at once and completes when the caller may go on,
     * checking again about every second without holding a thread. Cancelling the stage stops the checks.
     */
    public CompletionStage<SlidingWindowLimiter> applyAsync(
            String provider,
            String name,
            Integer requests,
            Integer input,
            Integer output,
            String text,
            SlidingWindowLimiter.Callback callback) {
        SlidingWindowLimiter limiter = record(provider, name, requests, input, output, text);
        CompletableFuture<SlidingWindowLimiter> admitted = new CompletableFuture<>();
        checkLater(limiter, callback, admitted);
        return admitted;
    }

    private void checkLater(
            SlidingWindowLimiter limiter,
            SlidingWindowLimiter.Callback callback,
            CompletableFuture<SlidingWindowLimiter> admitted) {
        if (admitted.isDone()) {
            return;
        }
        try {
            if (limiter.mustWait(callback)) {
                pacer.schedule(RECHECK_INTERVAL, () -> checkLater(limiter, callback, admitted));
            } else {
                admitted.complete(limiter);
            }
        } catch (RuntimeException e) {
            admitted.completeExceptionally(e);
        }
    }

    private SlidingWindowLimiter record(
            String provider, String name, Integer requests, Integer input, Integer output, String text) {
        Objects.requireNonNull(text, "text");
        SlidingWindowLimiter limiter = get(provider, name, requests, input, output);
        limiter.add(SlidingWindowLimiter.INPUT, TokenEstimator.approximateTokens(text));
        limiter.add(SlidingWindowLimiter.REQUESTS, 1);
        return limiter;
    }
}
