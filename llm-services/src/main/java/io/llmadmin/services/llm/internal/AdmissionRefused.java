package io.llmadmin.services.llm.internal;

import io.llmadmin.services.errors.LlmRateLimitedException;

/** Our own limiter refused: not retried (the caller gets the retry-after), but fallbacks may be tried. */
final class AdmissionRefused extends RuntimeException {

    private final transient LlmRateLimitedException failure;

    AdmissionRefused(LlmRateLimitedException failure) {
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
    }

    LlmRateLimitedException failure() {
        return failure;
    }
}
