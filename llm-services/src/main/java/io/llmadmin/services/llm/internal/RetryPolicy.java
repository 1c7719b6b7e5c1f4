package io.llmadmin.services.llm.internal;

import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try an upstream call again: only for a retriable {@link LlmException}, at most {@code maxRetries} times,
 * after an exponential backoff ({@code baseDelay × 2^(retry-1)}, capped at {@code maxDelay}) with jitter (a random
 * point between half and all of it).
 *
 * <p>A provider's 429 is not retried blindly: only when it sent a Retry-After shorter than {@code rateLimitMaxWait} (a
 * small bound, so the client never waits long for a provider that asked for patience), and never when the call has a
 * fallback to go to instead (see {@link #delayBefore(int, LlmException, boolean)}). Otherwise the failure goes to the
 * fallbacks, or to the caller with the provider's Retry-After, at once.
 *
 * <p>Why a small class and not MicroProfile Fault Tolerance: its {@code @Retry} works only on CDI beans inside
 * Liberty, cannot tell "before the first token" from "after" in a stream, and would retry the whole stream; this
 * policy is a pure function of the attempt number and the failure, used by both the blocking and the streaming path,
 * and is tested without a container.
 *
 * @param maxRetries how many times to try again after the first attempt (0 = never)
 * @param baseDelay the delay before the first retry, before jitter
 * @param maxDelay the longest delay ever waited
 * @param rateLimitMaxWait a provider's Retry-After is waited for only when shorter than this
 */
record RetryPolicy(
        int maxRetries, Duration baseDelay, Duration maxDelay, DoubleSupplier random, Duration rateLimitMaxWait) {

    /** The default bound on waiting for a provider's Retry-After. */
    static final Duration DEFAULT_RATE_LIMIT_MAX_WAIT = Duration.ofMillis(500);

    RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, DoubleSupplier random) {
        this(maxRetries, baseDelay, maxDelay, random, DEFAULT_RATE_LIMIT_MAX_WAIT);
    }

    RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
    }

    static RetryPolicy of(int maxRetries, Duration baseDelay, Duration maxDelay) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, Math::random);
    }

    static RetryPolicy of(int maxRetries, Duration baseDelay, Duration maxDelay, Duration rateLimitMaxWait) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, Math::random, rateLimitMaxWait);
    }

    /**
     * How long to wait before retry number {@code retry} (1 for the first retry) after {@code failure}, or empty when
     * the failure must not be retried.
     */
    Optional<Duration> delayBefore(int retry, LlmException failure) {
        return delayBefore(retry, failure, false);
    }

    /**
     * As {@link #delayBefore(int, LlmException)}, knowing whether a fallback could take the call instead: a provider's
     * 429 then goes to it at once.
     */
    Optional<Duration> delayBefore(int retry, LlmException failure, boolean fallbackAvailable) {
        if (!failure.retriable() || retry > maxRetries) {
            return Optional.empty();
        }
        if (failure instanceof LlmRateLimitedException limited) {
            if (fallbackAvailable || limited.retryAfter().isEmpty()) {
                return Optional.empty();
            }
            Duration asked = limited.retryAfter().get();
            return asked.compareTo(rateLimitMaxWait) < 0 && asked.compareTo(maxDelay) <= 0
                    ? Optional.of(asked)
                    : Optional.empty();
        }
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(retry - 1, 30));
        long jittered = Math.round(ceiling * (0.5 + 0.5 * random.getAsDouble()));
        return Optional.of(Duration.ofMillis(jittered));
    }
}
