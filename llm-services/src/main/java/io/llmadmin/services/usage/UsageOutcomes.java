package io.llmadmin.services.usage;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmAuthenticationException;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.LlmTimeoutException;
import io.llmadmin.services.errors.LlmUnavailableException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The outcome to record for a call that failed with a given exception. */
public final class UsageOutcomes {

    private UsageOutcomes() {}

    /** {@link UsageOutcome#SUCCESS} for null; the matching failure kind otherwise; {@code ERROR} when unknown. */
    public static UsageOutcome of(Throwable failure) {
        if (failure == null) {
            return UsageOutcome.SUCCESS;
        }
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof LlmRateLimitedException) {
            return UsageOutcome.RATE_LIMITED;
        } else if (cause instanceof CancellationException || cause instanceof InterruptedException) {
            return UsageOutcome.CANCELLED;
        } else if (cause instanceof LlmNotConfiguredException) {
            return UsageOutcome.NOT_CONFIGURED;
        } else if (cause instanceof InvalidLlmRequestException) {
            return UsageOutcome.INVALID_REQUEST;
        } else if (cause instanceof LlmAuthenticationException) {
            return UsageOutcome.AUTHENTICATION_FAILED;
        } else if (cause instanceof LlmNotFoundException) {
            return UsageOutcome.NOT_FOUND;
        } else if (cause instanceof LlmTimeoutException) {
            return UsageOutcome.TIMEOUT;
        } else if (cause instanceof LlmUnavailableException) {
            return UsageOutcome.UPSTREAM_UNAVAILABLE;
        }
        return UsageOutcome.ERROR;
    }
}
