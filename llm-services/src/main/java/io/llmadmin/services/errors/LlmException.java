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

    protected LlmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same call may succeed if tried again later. */
    public abstract boolean retriable();
}
