package io.llmadmin.services.errors;

import java.time.Duration;
import java.util.regex.Pattern;

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
    private static final Pattern KEY_MATERIAL =
            Pattern.compile("(?i)(?:\\b(?:sk|pk|rk|gsk|xai|llmk|key|token|bearer)[-_:= ]+[A-Za-z0-9*._~+/-]{6,}"
                    + "|\\S*\\*{3,}\\S*"
                    + "|\\b[A-Za-z0-9_~+/-]{32,}=*"
                    + "|[A-Za-z][A-Za-z0-9+.-]*://[^/\\s@]+@)");

    /**
     * A provider's text without anything shaped like key material: tokens with key prefixes ({@code sk-...}), masked
     * keys ({@code sk-ab****wxyz}), long opaque strings and user-info in URLs become {@code [redacted]}.
     */
    public static String withoutKeyMaterial(String text) {
        return text == null ? null : KEY_MATERIAL.matcher(text).replaceAll("[redacted]");
    }

    public static LlmException fromHttpStatus(
            int status, String provider, String detail, Duration retryAfter, Throwable cause) {
        // A refusal of our key often quotes it (masked or not): its text is never passed on. Other texts lose anything
        // shaped like key material.
        String shown = status == 401 || status == 403 ? null : withoutKeyMaterial(detail);
        String message = "Provider '" + provider + "' answered HTTP " + status
                + (status == 401 || status == 403 ? ": it refused the credential" : "")
                + (shown == null ? "" : ": " + shown);
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
