package io.llmadmin.services.ratelimit.internal;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmRateLimitedException;
import io.llmadmin.services.errors.RateLimitHeadroom;
import io.llmadmin.services.ratelimit.RateLimits;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The three limits, in the order they are checked and reported, with the rules both implementations share: what an
 * admission must find free, and how a refusal reads.
 */
enum LimitKind {
    REQUESTS("requests", null),
    INPUT_TOKENS("input tokens", "messages"),
    OUTPUT_TOKENS("output tokens", "max_tokens");

    /** The window every limit is counted over. */
    static final long WINDOW_MILLIS = 60_000;

    private static final LimitKind[] ALL = values();

    private final String label;
    private final String parameter;

    LimitKind(String label, String parameter) {
        this.label = label;
        this.parameter = parameter;
    }

    static LimitKind ofIndex(int index) {
        return ALL[index];
    }

    int limitOf(RateLimits limits) {
        return switch (this) {
            case REQUESTS -> limits.requestsPerMinute();
            case INPUT_TOKENS -> limits.inputTokensPerMinute();
            case OUTPUT_TOKENS -> limits.outputTokensPerMinute();
        };
    }

    /**
     * How much more than the limit the window would hold if this admission went through (0 or less: it fits). A token
     * reservation of 0 (max_tokens unknown) still needs one token left.
     */
    static long excess(long used, long need, long limit) {
        return limit <= 0 ? 0 : used + Math.max(need, 1) - limit;
    }

    /**
     * What a window has left for each limit that is set.
     *
     * @param used the window's sums of requests, input and output tokens (with the call counted when it was admitted)
     * @param resetMillis per limit, how long until the window frees room for it
     */
    static RateLimitHeadroom headroom(RateLimits limits, long[] used, long[] resetMillis) {
        Optional<RateLimitHeadroom.Window>[] windows = new Optional[3];
        for (LimitKind kind : ALL) {
            int i = kind.ordinal();
            long limit = kind.limitOf(limits);
            windows[i] = limit <= 0
                    ? Optional.empty()
                    : Optional.of(new RateLimitHeadroom.Window(
                            limit, limit - used[i], Duration.ofMillis(Math.max(0, resetMillis[i]))));
        }
        return new RateLimitHeadroom(windows[0], windows[1], windows[2]);
    }

    /** Checks the arguments of an admission, before any state is touched. */
    static void validate(String modelId, RateLimits limits, int estimatedInputTokens, int maxOutputTokens) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must not be blank");
        }
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null (use RateLimits.UNLIMITED)");
        }
        if (estimatedInputTokens < 0) {
            throw new IllegalArgumentException("estimatedInputTokens must be >= 0, was " + estimatedInputTokens);
        }
        if (maxOutputTokens < 0) {
            throw new IllegalArgumentException("maxOutputTokens must be >= 0, was " + maxOutputTokens);
        }
        INPUT_TOKENS.refuseIfNeverFits(modelId, estimatedInputTokens, limits.inputTokensPerMinute());
        OUTPUT_TOKENS.refuseIfNeverFits(modelId, maxOutputTokens, limits.outputTokensPerMinute());
    }

    private void refuseIfNeverFits(String modelId, int need, int limit) {
        if (limit > 0 && need > limit) {
            throw new InvalidLlmRequestException(
                    parameter,
                    String.format(
                            Locale.ROOT,
                            "The request needs %d %s but model '%s' allows %d %s per minute: it can never be admitted;"
                                    + " lower %s",
                            need,
                            label,
                            modelId,
                            limit,
                            label,
                            parameter));
        }
    }

    /** The refusal of an admission, naming the first limit that is full and when to try again. */
    LlmRateLimitedException refusal(String modelId, long used, long need, long limit, long retryAfterMillis) {
        Duration retryAfter = Duration.ofMillis(Math.max(1, retryAfterMillis));
        String demand = this == REQUESTS || need == 0 ? "" : String.format(Locale.ROOT, " and %d requested", need);
        return new LlmRateLimitedException(
                String.format(
                        Locale.ROOT,
                        "Rate limit of model '%s' reached: %d/%d %s per minute in use%s; retry after %.3f s",
                        modelId,
                        used,
                        limit,
                        label,
                        demand,
                        retryAfter.toMillis() / 1000.0),
                retryAfter,
                null);
    }
}
