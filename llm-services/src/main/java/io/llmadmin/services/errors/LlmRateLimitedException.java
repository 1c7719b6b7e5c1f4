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

    /** What our limits had left when they refused; set right after construction, replaced when a caller adds its own. */
    private volatile RateLimitHeadroom headroom = RateLimitHeadroom.NONE;

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

    /**
     * What the per-minute limits that refused the call had left (none for a provider's 429 or a budget): the gateway
     * answers it as OpenAI's {@code x-ratelimit-*} headers.
     */
    public RateLimitHeadroom headroom() {
        return headroom;
    }

    /** Attaches what the limits had left (a gateway adds its key's to the model's); returns this exception. */
    public LlmRateLimitedException withHeadroom(RateLimitHeadroom headroom) {
        this.headroom = headroom == null ? RateLimitHeadroom.NONE : headroom;
        return this;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retriable() {
        return !budgetExhausted;
    }
}
