package io.llmadmin.services.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * A limit was hit: one of ours (requests, input or output tokens per minute) or the provider's (HTTP 429).
 * {@link #retryAfter()} says when trying again can succeed, when that is known.
 */
public final class LlmRateLimitedException extends LlmException {

    private final Duration retryAfter;
    private final boolean budgetExhausted;

    public LlmRateLimitedException(String message, Duration retryAfter, Throwable cause) {
        this(message, retryAfter, cause, false);
    }

    private LlmRateLimitedException(String message, Duration retryAfter, Throwable cause, boolean budgetExhausted) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.budgetExhausted = budgetExhausted;
    }

    /**
     * A spending budget would be exceeded: OpenAI's {@code insufficient_quota}, which waiting a minute does not cure.
     *
     * @param message names the budget, never a secret
     */
    public static LlmRateLimitedException budgetExhausted(String message) {
        return new LlmRateLimitedException(message, null, null, true);
    }

    /** Whether a budget, rather than a rate, refused the call. */
    public boolean budgetExhausted() {
        return budgetExhausted;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retriable() {
        return !budgetExhausted;
    }
}
