package io.llmadmin.services.errors;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the per-minute limits that applied to a call had left at its admission (or its refusal): for each limit that is
 * set, its size, what remains in the window with this call counted, and when the window next frees room. The gateway
 * answers it as OpenAI's {@code x-ratelimit-*} headers. It lives beside {@link LlmRateLimitedException}, which carries
 * it on a refusal, so the rate limiter and the callers of the chat service share one type.
 *
 * @param requests the requests-per-minute limit, when one is set
 * @param inputTokens the input-tokens-per-minute limit, when one is set
 * @param outputTokens the output-tokens-per-minute limit, when one is set
 */
public record RateLimitHeadroom(
        Optional<Window> requests, Optional<Window> inputTokens, Optional<Window> outputTokens) {

    /** No limit applied. */
    public static final RateLimitHeadroom NONE =
            new RateLimitHeadroom(Optional.empty(), Optional.empty(), Optional.empty());

    public RateLimitHeadroom {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(inputTokens, "inputTokens");
        Objects.requireNonNull(outputTokens, "outputTokens");
    }

    /**
     * One limit's state in its 60-second window.
     *
     * @param limit the limit per minute (> 0)
     * @param remaining what is left of it with the call counted (0 when full or, after settlements beyond what was
     *     reserved, over)
     * @param reset how long until the window frees room: until the oldest reservation counted against this limit leaves
     *     it (then {@code remaining} rises), or, for a limit that refused the call, until the call would fit; zero when
     *     the window holds nothing of it
     */
    public record Window(long limit, long remaining, Duration reset) {

        public Window {
            if (limit <= 0) {
                throw new IllegalArgumentException("limit must be > 0, was " + limit);
            }
            remaining = Math.max(0, Math.min(limit, remaining));
            reset = reset == null || reset.isNegative() ? Duration.ZERO : reset;
        }

        /** The window closer to refusing: less remaining, or, as much remaining, the later reset. */
        Window tighter(Window other) {
            if (remaining != other.remaining) {
                return remaining < other.remaining ? this : other;
            }
            return reset.compareTo(other.reset) >= 0 ? this : other;
        }
    }

    /** Whether no limit applied. */
    public boolean isEmpty() {
        return requests.isEmpty() && inputTokens.isEmpty() && outputTokens.isEmpty();
    }

    /**
     * Both calls' limits applied to one call (a gateway key's and the model's): for each kind, the window closer to
     * refusing.
     */
    public RateLimitHeadroom tighter(RateLimitHeadroom other) {
        return new RateLimitHeadroom(
                tighter(requests, other.requests),
                tighter(inputTokens, other.inputTokens),
                tighter(outputTokens, other.outputTokens));
    }

    /** The token window closer to refusing, input or output: OpenAI reports one token limit. */
    public Optional<Window> tokens() {
        return tighter(inputTokens, outputTokens);
    }

    private static Optional<Window> tighter(Optional<Window> one, Optional<Window> other) {
        if (one.isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return one;
        }
        return Optional.of(one.get().tighter(other.get()));
    }
}
