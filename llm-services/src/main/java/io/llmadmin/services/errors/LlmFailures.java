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
        if ((status == 400 || status == 413 || status == 422) && saysContextWindow(detail)) {
            return InvalidLlmRequestException.contextWindowExceeded(message, cause);
        }
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

    /**
     * Whether a provider's refusal says the prompt is longer than the model's context: OpenAI and the servers that copy
     * it ({@code context_length_exceeded}, "maximum context length"), Anthropic ("prompt is too long"), Gemini and
     * Mistral ("exceeds the maximum number of tokens", "too large for model").
     */
    static boolean saysContextWindow(String detail) {
        if (detail == null) {
            return false;
        }
        String text = detail.toLowerCase(java.util.Locale.ROOT);
        return text.contains("context_length_exceeded")
                || text.contains("context length")
                || text.contains("context window")
                || text.contains("prompt is too long")
                || text.contains("maximum number of tokens")
                || text.contains("too large for model");
    }
}
