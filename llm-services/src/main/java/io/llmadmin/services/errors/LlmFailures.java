package io.llmadmin.services.errors;

import java.time.Duration;

/** Maps what a provider answered onto the exception family, the same way for every provider. */
public final class LlmFailures {

    private LlmFailures() {}

    /**
     * The failure an HTTP status stands for.
     *
     * @param status the provider's HTTP status (4xx or 5xx)
     * @param provider the provider id, for the message
     * @param detail what the provider said, already stripped of anything secret; may be null
     * @param retryAfter the provider's Retry-After, when it sent one; may be null
     */
    public static LlmException fromHttpStatus(
            int status, String provider, String detail, Duration retryAfter, Throwable cause) {
        String message = "Provider '" + provider + "' answered HTTP " + status + (detail == null ? "" : ": " + detail);
        return switch (status) {
            case 400, 413, 422 -> new InvalidLlmRequestException(null, message, cause);
            case 401, 403 -> new LlmAuthenticationException(message, cause);
            case 404 -> new LlmNotFoundException(message, cause);
            case 408, 504 -> new LlmTimeoutException(message, cause);
            case 429 -> new LlmRateLimitedException(message, retryAfter, cause);
            default ->
                status >= 500
                        ? new LlmUnavailableException(message, cause)
                        : new InvalidLlmRequestException(null, message, cause);
        };
    }
}
