package io.llmadmin.services.llm.internal;

import dev.langchain4j.exception.HttpException;
import io.llmadmin.services.errors.LlmException;
import io.llmadmin.services.errors.LlmFailures;
import io.llmadmin.services.errors.LlmTimeoutException;
import io.llmadmin.services.errors.LlmUnavailableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Turns whatever a provider call threw into the one exception family. LangChain4j wraps HTTP failures in its own
 * exceptions ({@code RateLimitException}, {@code InternalServerException}, ...); the HTTP status underneath decides,
 * through {@link LlmFailures#fromHttpStatus}, the same way for every provider.
 */
final class ProviderFailures {

    private static final int MAX_DETAIL = 300;

    private ProviderFailures() {}

    /**
     * The family member for a failure of a call to {@code provider}.
     *
     * @param secret the API key used, removed from any provider text quoted in the message; may be null
     */
    static LlmException map(Throwable failure, String provider, String secret) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof LlmException llm) {
                return llm;
            }
            if (cause instanceof HttpException http) {
                Duration retryAfter =
                        http instanceof ProviderHttpException withHeaders ? withHeaders.retryAfter() : null;
                // The provider's own message, not its JSON body, goes into ours; its code travels beside it.
                java.util.Optional<io.llmadmin.services.errors.ProviderError> said =
                        ProviderErrorBodies.read(http.getMessage());
                String text = said.map(io.llmadmin.services.errors.ProviderError::message)
                        .orElse(http.getMessage());
                LlmException mapped = LlmFailures.fromHttpStatus(
                        http.statusCode(), provider, detail(text, secret), retryAfter, failure);
                said.ifPresent(error -> mapped.withProviderError(new io.llmadmin.services.errors.ProviderError(
                        error.code(), error.param(), error.type(), detail(error.message(), secret))));
                return mapped;
            }
        }
        seen.clear();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException
                    || cause instanceof InterruptedIOException
                    || cause instanceof dev.langchain4j.exception.TimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return new LlmTimeoutException("Provider '" + provider + "' did not answer in time", failure);
            }
        }
        seen.clear();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return new LlmUnavailableException(
                        "Provider '" + provider + "' could not be reached or broke the connection: "
                                + detail(io.getClass().getSimpleName() + " " + io.getMessage(), secret),
                        failure);
            }
        }
        return new LlmUnavailableException(
                "Provider '" + provider + "' call failed: "
                        + detail(failure.getClass().getSimpleName() + " " + failure.getMessage(), secret),
                failure);
    }

    /** Provider text fit for a message: no key, one line, bounded. */
    static String detail(String text, String secret) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text;
        if (secret != null && secret.length() >= 4) {
            clean = clean.replace(secret, "****");
        }
        clean = clean.replaceAll("\\s+", " ").trim();
        return clean.length() > MAX_DETAIL ? clean.substring(0, MAX_DETAIL) + "..." : clean;
    }
}
