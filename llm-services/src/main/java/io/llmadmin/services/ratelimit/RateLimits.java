package io.llmadmin.services.ratelimit;

import io.llmadmin.domain.model.ModelConfiguration;

/**
 * The three per-minute limits of one model, all enforced at once. Zero means unlimited.
 *
 * @param requestsPerMinute calls admitted in any 60 seconds
 * @param inputTokensPerMinute prompt tokens (estimated at admission, settled with the provider's count)
 * @param outputTokensPerMinute completion tokens (the request's max_tokens at admission, settled with the provider's
 *     count)
 */
public record RateLimits(int requestsPerMinute, int inputTokensPerMinute, int outputTokensPerMinute) {

    /** No limit at all. */
    public static final RateLimits UNLIMITED = new RateLimits(0, 0, 0);

    public RateLimits {
        requireNotNegative(requestsPerMinute, "requestsPerMinute");
        requireNotNegative(inputTokensPerMinute, "inputTokensPerMinute");
        requireNotNegative(outputTokensPerMinute, "outputTokensPerMinute");
    }

    /** The limits a model is configured with now; read them again for each admission, so edits apply at once. */
    public static RateLimits of(ModelConfiguration model) {
        return new RateLimits(
                model.limitRequestsPerMinute(), model.limitInputTokensPerMinute(), model.limitOutputTokensPerMinute());
    }

    /** Whether none of the three limits is set. */
    public boolean unlimited() {
        return requestsPerMinute == 0 && inputTokensPerMinute == 0 && outputTokensPerMinute == 0;
    }

    private static void requireNotNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 (0 = unlimited), was " + value);
        }
    }
}
