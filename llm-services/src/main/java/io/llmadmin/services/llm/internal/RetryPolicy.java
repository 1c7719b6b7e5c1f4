package io.llmadmin.services.llm.internal;

import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try an upstream call again: only for a retriable {@link LlmException}, at most {@code maxRetries} times,
 * after an exponential backoff ({@code baseDelay × 2^(retry-1)}, capped at {@code maxDelay}) with jitter (a random point between half and all of it), or after
 * the provider's Retry-After when it sent one. A Retry-After longer than {@code maxDelay} is not waited for: the
 * failure goes to the fallbacks (or the caller) at once.
 *
 * <p>Why a small class and not MicroProfile Fault Tolerance: its {@code @Retry} works only on CDI beans inside
 * Liberty, cannot tell "before the first token" from "after" in a stream, and would retry the whole stream; this
 * policy is a pure function of the attempt number and the failure, used by both the blocking and the streaming path,
 * and is tested without a container.
 *
 * @param maxRetries how many times to try again after the first attempt (0 = never)
 * @param baseDelay the delay before the first retry, before jitter
 * @param maxDelay the longest delay ever waited
 */
record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, DoubleSupplier random) {

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

    /**
     * How long to wait before retry number {@code retry} (1 for the first retry) after {@code failure}, or empty when
     * the failure must not be retried.
     */
    Optional<Duration> delayBefore(int retry, LlmException failure) {
        if (!failure.retriable() || retry > maxRetries) {
            return Optional.empty();
        }
        if (failure instanceof LlmRateLimitedException limited
                && limited.retryAfter().isPresent()) {
            Duration asked = limited.retryAfter().get();
            return asked.compareTo(maxDelay) > 0 ? Optional.empty() : Optional.of(asked);
        }
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(retry - 1, 30));
        long jittered = Math.round(ceiling * (0.5 + 0.5 * random.getAsDouble()));
        return Optional.of(Duration.ofMillis(jittered));
    }
}
