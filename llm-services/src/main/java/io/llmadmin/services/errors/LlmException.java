package io.llmadmin.services.errors;

/**
 * Base of every failure of an LLM call, from a missing configuration to an upstream outage.
 *
 * <p>Subclasses are fixed: callers switch on them, and the HTTP layers map each onto one status.
 */
public abstract sealed class LlmException extends RuntimeException
        permits LlmNotConfiguredException,
                InvalidLlmRequestException,
                LlmAuthenticationException,
                LlmNotFoundException,
                LlmRateLimitedException,
                LlmTimeoutException,
                LlmUnavailableException {

    /** Set once, right after construction, by whoever read the provider's answer; null when there is none. */
    private volatile ProviderError providerError;

    protected LlmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What the provider said about this failure (its code, parameter and type), when it said anything readable. */
    public java.util.Optional<ProviderError> providerError() {
        return java.util.Optional.ofNullable(providerError);
    }

    /** Attaches what the provider said; returns this exception. */
    public LlmException withProviderError(ProviderError error) {
        this.providerError = error;
        return this;
    }

    /** Whether the same call may succeed if tried again later. */
    public abstract boolean retriable();
}
