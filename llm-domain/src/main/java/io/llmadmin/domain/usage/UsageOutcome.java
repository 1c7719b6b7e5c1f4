package io.llmadmin.domain.usage;

/** How an LLM call ended. Stored by name; new values are appended, existing names never change. */
public enum UsageOutcome {
    /** The model answered. */
    SUCCESS,
    /** Refused by a rate limit, ours or the provider's. */
    RATE_LIMITED,
    /** The caller went away or cancelled before the answer was complete. */
    CANCELLED,
    /** The model or its provider is not set up (no key, disabled, unknown provider). */
    NOT_CONFIGURED,
    /** The request was invalid (a parameter out of range, too many tokens, ...). */
    INVALID_REQUEST,
    /** The provider refused the credentials. */
    AUTHENTICATION_FAILED,
    /** The provider does not know the model. */
    NOT_FOUND,
    /** No answer in time. */
    TIMEOUT,
    /** The provider failed or could not be reached. */
    UPSTREAM_UNAVAILABLE,
    /** Any other failure. */
    ERROR,
    /**
     * Answered from the response cache: no provider was called, so the record carries no tokens (no provider cost),
     * only that the caller got an answer.
     */
    CACHE_HIT,
    /** Refused before it was sent because it could pass a budget (no tokens, no cost). */
    BUDGET_REFUSED;

    /** Whether the call produced an answer. */
    public boolean succeeded() {
        return this == SUCCESS || this == CACHE_HIT;
    }
}
