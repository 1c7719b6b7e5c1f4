package io.llmadmin.services.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * A limit was hit: one of ours (requests, input or output tokens per minute) or the provider's (HTTP 429).
 * {@link #retryAfter()} says when trying again can succeed, when that is known.
 */
public final class LlmRateLimitedException extends LlmException {

    private final Duration retryAfter;

    public LlmRateLimitedException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
